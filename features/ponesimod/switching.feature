@switching
Feature: Switching in to and out of ponesimod

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

  Scenario: Switching in from fingolimod (same class)
    Given an earlier treatment with fingolimod stopped 1 weeks before the assessment date for intolerance
    When the patient is assessed for ponesimod
    Then the finding ponesimod.switching.from-immune-therapy has verdict eligible_with_precautions
    And the finding fingolimod.switching.after-stopping-fingolimod is reported

  Scenario: Leaving ponesimod: shown in the next drug's assessment
    Given the current treatment is ponesimod
    When the patient is assessed for ocrelizumab
    Then the finding ponesimod.switching.after-stopping-ponesimod says "1-2 weeks"
