@schedule
Feature: The ozanimod calendar: 7-day titration then 0.92 mg daily

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 38
    And a patient profile in YAML:
      """
      screening:
        liver_tests: normal
        vzv_igg: positive
        ecg: normal
        eye_exam: normal
        skin_exam: normal
        cbc_date: 2026-10-01
      cardiac:
        major_event_past_6_months: false
        conduction_block: false
        pacemaker: false
        qtc_ms: 420
        resting_heart_rate: 72
        severe_untreated_sleep_apnoea: false
      history:
        diabetes: false
        uveitis: false
        hepatic_impairment: none
      infection:
        active: false
      medications:
        current: []
      """
    And diagnosis.active_disease is true

  Scenario: A new patient sees the titration steps
    When the patient is assessed for ozanimod
    Then the schedule has "days 1-4: 0.23 mg once daily"
    And the schedule has "day 8: 0.92 mg maintenance"
    And the finding ozanimod.schedule.dosing says "first 2 weeks"
