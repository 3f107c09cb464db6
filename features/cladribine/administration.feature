@administration
Feature: Cladribine tablets during a course: infections, lymphocyte holds, herpes prophylaxis, monitoring

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
      | patient.sex                        | female   |
  Scenario: An active infection holds the course
    Given infection.active is true
    When the patient is assessed for cladribine
    Then the verdict is deferred
    And the finding cladribine.administration.active-infection applies

  Scenario: Lymphocytes below 200/uL between the cycles of year 1 hold the next tablets and call for herpes prophylaxis
    Given labs.lymphocytes_10e9_per_l is 0.15
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: cladribine, started: 2026-11-02}
        courses:
          - drug: cladribine
            formulation: oral
            doses: [2026-11-02]
      """
    When the patient is assessed for cladribine
    Then the verdict is deferred
    And the finding cladribine.administration.lymphocytes-below-200 says "anti-herpes prophylaxis"
    And the findings include:
      | rule_id                                         | verdict                   | status  |
      | cladribine.administration.lymphocytes-below-200 | deferred                  | applies |
      | cladribine.monitoring.lymphocytes-after-course  | info                      | applies |
    And the schedule has "next dose: year 1, cycle 2: tablets on 4 or 5 days (23-27 days after cycle 1 ends)" on hold by cladribine.administration.lymphocytes-below-200

  Scenario: EU: lymphocytes below 500/mm3 on treatment call for active monitoring
    Given labs.lymphocytes_10e9_per_l is 0.45
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: cladribine, started: 2026-06-01}
        courses:
          - drug: cladribine
            formulation: oral
            doses: [2026-06-01, 2026-06-29]
      """
    When the patient is assessed for cladribine under the EU label
    Then the finding cladribine.monitoring.eu-lymphocytes-below-500 has verdict eligible_with_precautions

  Scenario: No restricted programme; missed doses are not doubled
    When the patient is assessed for cladribine
    Then the finding cladribine.administration.no-restricted-programme says "not doubled"
    And the finding cladribine.administration.no-restricted-programme is marked uncertain with "NOT FOUND"
