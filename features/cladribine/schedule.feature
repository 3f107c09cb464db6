@schedule
Feature: Cladribine calendar: 2 yearly courses of 2 cycles, then no further dose (a recorded dose = first day of a cycle)

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
  Scenario: A new patient sees the start sequence without dates
    When the patient is assessed for cladribine
    Then the finding cladribine.schedule.regimen applies
    And the schedule has "year 1, cycle 1: tablets on 4 or 5 days (weight-based dose)"
    And the finding cladribine.schedule.no-further-treatment is not reported

  Scenario: After cycle 1 of year 1, cycle 2 is due 27 days after its first day
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: cladribine, started: 2026-11-02}
        courses:
          - drug: cladribine
            formulation: oral
            doses: [2026-11-02]
      """
    When the patient is assessed for cladribine
    Then the schedule has "next dose: year 1, cycle 2: tablets on 4 or 5 days (23-27 days after cycle 1 ends)" due on 2026-11-29

  Scenario: After year 1, year 2 is dated 12 months after the first tablet and the clinician checks the 43 weeks
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: cladribine, started: 2025-12-01}
        courses:
          - drug: cladribine
            formulation: oral
            doses: [2025-12-01, 2025-12-29]
      """
    When the patient is assessed for cladribine
    Then the schedule has "next dose: year 2, cycle 1: tablets on 4 or 5 days (lymphocytes >= 800/uL first)"
    And the finding cladribine.schedule.year-2-timing has verdict eligible_with_precautions
    And the finding cladribine.schedule.year-2-timing says "43 weeks"

  Scenario: After a year 2 delayed for lymphocyte recovery, the last cycle is checked first
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: cladribine, started: 2025-06-02}
        courses:
          - drug: cladribine
            formulation: oral
            doses: [2025-06-02, 2025-06-30, 2026-11-02]
      """
    When the patient is assessed for cladribine
    Then the schedule has "next dose: year 2, cycle 2: tablets on 4 or 5 days (23-27 days after cycle 1 ends)"
    And the finding cladribine.schedule.year-2-cycle-2-timing applies

  Scenario: After both courses no further dose is planned
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: cladribine, started: 2025-01-06}
        courses:
          - drug: cladribine
            formulation: oral
            doses: [2025-01-06, 2025-02-03, 2026-01-12, 2026-02-09]
      """
    When the patient is assessed for cladribine
    Then the finding cladribine.schedule.no-further-treatment says "next 2 years"
    And the schedule has no "next dose: year 2, cycle 2: tablets on 4 or 5 days (23-27 days after cycle 1 ends)"
