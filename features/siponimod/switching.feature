@switching
Feature: Switching in to and out of siponimod

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

  Scenario: Switching in from dimethyl fumarate
    Given the current treatment is dimethyl-fumarate
    When the patient is assessed for siponimod
    Then the finding siponimod.switching.from-immune-therapy has verdict eligible_with_precautions

  Scenario: Leaving siponimod: shown in the next drug's assessment
    Given an earlier treatment with siponimod stopped 2 weeks before the assessment date for breakthrough
    When the patient is assessed for ocrelizumab
    Then the finding siponimod.switching.after-stopping-siponimod says "3-4 weeks"
    And the finding siponimod.switching.after-stopping-siponimod cites mayzent-uspi-2019 section 5.11
