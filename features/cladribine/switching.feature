@switching
Feature: Switching to and from cladribine

  Background:
    Given the assessment date is 2026-11-22
    And a patient profile:
      | field                              | value    |
      | screening.hbsag                    | negative |
      | screening.anti_hbc                 | negative |
      | screening.hcv                      | negative |
      | screening.hiv                      | negative |
      | screening.tuberculosis             | negative |
      | screening.vzv_igg                  | positive |
      | screening.liver_tests              | normal   |
      | infection.active                   | false    |
      | labs.lymphocytes_10e9_per_l        | 1.6      |
      | labs.creatinine_clearance_ml_min   | 95       |
      | history.malignancy_active          | false    |
      | history.hypersensitivity_to        | []       |
      | history.severely_immunocompromised | false    |
      | medications.current                | []       |
      | diagnosis.phenotype                | RRMS     |
      | patient.age                        | 38       |
      | patient.sex                        | male     |
  Scenario: Switching in from fingolimod asks to consider additive immune effects
    Given the current treatment is fingolimod
    When the patient is assessed for cladribine
    Then the finding cladribine.switching.from-immunosuppressive-dmt has verdict eligible_with_precautions

  Scenario: Switching in from interferon needs no such precaution
    Given an earlier treatment with interferon-beta-1a stopped 4 weeks before the assessment date
    When the patient is assessed for cladribine
    Then the finding cladribine.switching.from-immunosuppressive-dmt is not reported

  Scenario: Assessing another drug after cladribine shows cladribine's own switch-out finding
    Given an earlier treatment with cladribine stopped 30 months before the assessment date for breakthrough
    When the patient is assessed for teriflunomide
    Then the finding cladribine.switching.after-cladribine has verdict eligible_with_precautions
    And the finding cladribine.switching.after-cladribine says "years 3 and 4"
