@switching
Feature: Switching to teriflunomide, and from it (accelerated elimination)

  Background:
    Given the assessment date is 2026-11-22
    And a patient profile:
      | field                              | value      |
      | screening.liver_tests              | normal     |
      | screening.cbc_date                 | 2026-10-01 |
      | screening.tuberculosis             | negative   |
      | cardiac.uncontrolled_hypertension  | false      |
      | history.hepatic_impairment         | none       |
      | history.hypersensitivity_to        | []         |
      | history.severely_immunocompromised | false      |
      | medications.current                | []         |
      | infection.active                   | false      |
      | diagnosis.phenotype                | RRMS       |
      | patient.age                        | 38         |
      | patient.sex                        | male       |
  Scenario: Switching in from fingolimod: blood count and additive immune effects
    Given the current treatment is fingolimod
    When the patient is assessed for teriflunomide
    Then the finding teriflunomide.switching.from-immunosuppressive-dmt has verdict eligible_with_precautions

  Scenario: Assessing cladribine after teriflunomide shows teriflunomide's accelerated elimination finding
    Given an earlier treatment with teriflunomide stopped 2 weeks before the assessment date for breakthrough
    When the patient is assessed for cladribine
    Then the finding teriflunomide.switching.accelerated-elimination says "at any time after discontinuation"
    And the finding teriflunomide.switching.elimination-before-pregnancy is not reported

  Scenario: A woman planning a pregnancy after teriflunomide is told to verify the level, whatever drug is assessed
    Given patient.sex is female
    And reproductive.planning_pregnancy is true
    And an earlier treatment with teriflunomide stopped 2 weeks before the assessment date for pregnancy
    When the patient is assessed for cladribine
    Then the finding teriflunomide.switching.elimination-before-pregnancy says "0.02 mg/L"
