@schedule
Feature: The ponesimod calendar: 14-day starter pack then 20 mg daily

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 42
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

  Scenario: A new patient sees the starter pack steps
    When the patient is assessed for ponesimod
    Then the schedule has "days 1-2: 2 mg once daily"
    And the schedule has "day 15: 20 mg maintenance"
    And the finding ponesimod.schedule.dosing says "new starter pack"
