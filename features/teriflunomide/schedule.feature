@schedule
Feature: Teriflunomide calendar: continuous daily dosing and the end of the intensive liver monitoring

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
  Scenario: A new patient sees the first dose without a date
    When the patient is assessed for teriflunomide
    Then the finding teriflunomide.schedule.daily applies
    And the schedule has "first dose: 7 mg or 14 mg by mouth (EU adults 14 mg; children by weight)"

  Scenario: On teriflunomide: daily dosing and the 6-month liver check dated from the start
    Given the current treatment is teriflunomide
    And treatment.current.started is 2026-09-01
    When the patient is assessed for teriflunomide
    Then the schedule has "end of the first 6 months of liver monitoring (US ALT monthly; EU every 2 weeks, then every 8 weeks)" due on 2027-03-01
