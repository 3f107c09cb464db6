@monitoring
Feature: Liver monitoring on teriflunomide differs: US ALT monthly for 6 months, EU every 2 weeks then every 8 weeks

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
  Scenario: US: monthly ALT for 6 months
    Given the current treatment is teriflunomide
    And treatment.current.started is 2026-09-01
    When the patient is assessed for teriflunomide
    Then the finding teriflunomide.monitoring.us-alt-monthly says "at least monthly"
    And the finding teriflunomide.monitoring.eu-liver-every-2-weeks is not reported
    And the finding teriflunomide.monitoring.blood-pressure-and-counts has verdict info
    And the finding teriflunomide.administration.no-restricted-programme has verdict info

  Scenario: EU: every 2 weeks, then every 8 weeks
    Given the current treatment is teriflunomide
    And treatment.current.started is 2026-09-01
    When the patient is assessed for teriflunomide under the EU label
    Then the finding teriflunomide.monitoring.eu-liver-every-2-weeks says "every 8 weeks"
    And the finding teriflunomide.monitoring.us-alt-monthly is not reported

  Scenario: Abnormal liver tests on treatment: stop and eliminate if liver injury is suspected
    Given the current treatment is teriflunomide
    And treatment.current.started is 2026-09-01
    And screening.liver_tests is abnormal
    When the patient is assessed for teriflunomide
    Then the finding teriflunomide.monitoring.abnormal-liver-tests-on-treatment says "accelerated elimination"
    And the finding teriflunomide.workup.abnormal-liver-tests is not reported
