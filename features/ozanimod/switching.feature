@switching
Feature: Switching in to and out of ozanimod

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

  Scenario: Switching in from natalizumab
    Given the current treatment is natalizumab
    When the patient is assessed for ozanimod
    Then the finding ozanimod.switching.from-immune-therapy has verdict eligible_with_precautions

  Scenario: Leaving ozanimod: shown in the next drug's assessment
    Given the current treatment is ozanimod
    When the patient is assessed for ocrelizumab
    Then the finding ozanimod.switching.after-stopping-ozanimod says "severe increase"
