@schedule
Feature: The ofatumumab dosing calendar (EU 4.2: weeks 0, 1, 2, then monthly from week 4)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And diagnosis.active_disease is true
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: Before the first dose the start sequence is listed without dates
    When the patient is assessed for ofatumumab
    Then the schedule has "20 mg SC at week 0 (dose 1)"
    And the schedule has "20 mg SC at week 1 (dose 2)"
    And the schedule has "20 mg SC at week 2 (dose 3)"
    And the finding ofatumumab.schedule.dosing cites kesimpta-smpc-eu-2021 section 4.2

  Scenario: After dose 1 the week-1 dose is dated from it
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: ofatumumab, started: 2026-11-20}
        courses:
          - {drug: ofatumumab, formulation: SC, doses: [2026-11-20]}
      """
    When the patient is assessed for ofatumumab
    Then the schedule has "next dose: 20 mg SC at week 1 (dose 2)" due on 2026-11-27

  Scenario: After the three starting doses the first monthly dose is at week 4 from dose 1
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: ofatumumab, started: 2026-11-01}
        courses:
          - {drug: ofatumumab, formulation: SC, doses: [2026-11-01, 2026-11-08, 2026-11-15]}
      """
    When the patient is assessed for ofatumumab
    Then the schedule has "next dose: 20 mg SC monthly" due on 2026-11-29

  Scenario: On maintenance the next dose is a month after the last one given
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: ofatumumab, started: 2026-09-01}
        courses:
          - {drug: ofatumumab, formulation: SC, doses: [2026-09-01, 2026-09-08, 2026-09-15, 2026-09-29, 2026-11-05]}
      """
    When the patient is assessed for ofatumumab
    Then the schedule has "next dose: 20 mg SC monthly" due on 2026-12-05
    And the finding ofatumumab.schedule.dosing says "as soon as possible"

  Scenario: A contraindication puts the start on hold
    Given screening.hbsag is positive
    And screening.hbv_active is true
    When the patient is assessed for ofatumumab
    Then the schedule has "20 mg SC at week 0 (dose 1)" on hold
