@schedule
Feature: The fingolimod calendar: an observed first dose, then continuous daily dosing

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 34
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

  Scenario: A new patient: the first dose and daily dosing, no dates
    When the patient is assessed for fingolimod
    Then the schedule has "dose 1: 0.5 mg by mouth (observed 6 hours)"
    And the finding fingolimod.schedule.dosing says "0.5 mg by mouth once daily"

  Scenario: On fingolimod since 2026-09-22: the eye examination is dated from the start
    Given the current treatment is fingolimod
    And treatment.current.started is 2026-09-22
    When the patient is assessed for fingolimod
    Then the schedule has "eye examination (macula)" due on 2026-12-22

  Scenario: A contraindication holds the first dose
    Given cardiac.major_event_past_6_months is true
    When the patient is assessed for fingolimod
    Then the schedule has "dose 1: 0.5 mg by mouth (observed 6 hours)" on hold
    And no dose is shown as due
