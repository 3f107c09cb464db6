@switching
Feature: Switching in to and out of fingolimod (US 2011 section 7; W&P 5.9 heading; 2012 5.8)

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

  Scenario: Switching in from natalizumab calls for caution
    Given the current treatment is natalizumab
    And treatment.current.last_dose is 4 weeks before the assessment date
    When the patient is assessed for fingolimod
    Then the finding fingolimod.switching.from-long-acting-immune-therapy has verdict eligible_with_precautions
    And the finding fingolimod.switching.after-stopping-fingolimod is not reported

  Scenario: Switching in from interferon is not a long-acting immune therapy
    Given the current treatment is interferon-beta-1a
    When the patient is assessed for fingolimod
    Then the finding fingolimod.switching.from-long-acting-immune-therapy is not reported

  Scenario: Leaving fingolimod: its rebound and 2-month warning shows in the next drug's assessment
    Given the current treatment is fingolimod
    And treatment.current.started is 3 years before the assessment date
    When the patient is assessed for ocrelizumab
    Then the finding fingolimod.switching.after-stopping-fingolimod has verdict eligible_with_precautions
    And the finding fingolimod.switching.after-stopping-fingolimod says "severe increase in disability"
    And the finding fingolimod.switching.after-stopping-fingolimod cites gilenya-uspi-2012-04 section 5.8
