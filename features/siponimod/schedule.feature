@schedule
Feature: The siponimod calendar: 5-day titration then daily maintenance

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
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
      genetics:
        cyp2c9_genotype: "*1/*1"
      """

  Scenario: A new patient sees the titration steps without dates
    When the patient is assessed for siponimod
    Then the schedule has "day 1: 0.25 mg"
    And the schedule has "day 6: 2 mg maintenance"
    And the finding siponimod.schedule.dosing says "new titration pack"
