@pregnancy
Feature: Fingolimod in pregnancy and contraception (US 2012 5.6; current 5.8 and EU 4.6 not read)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 30
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

  Scenario: Childbearing potential: contraception during and 2 months after
    When the patient is assessed for fingolimod
    Then the finding fingolimod.pregnancy.contraception says "2 months after stopping"
    And the finding fingolimod.pregnancy.pregnant is not reported

  Scenario: Pregnant: the start is held
    Given reproductive.pregnant is true
    When the patient is assessed for fingolimod
    Then the finding fingolimod.pregnancy.pregnant has verdict deferred
    And the verdict is deferred
    And the finding fingolimod.pregnancy.pregnant is marked uncertain with "not read"

  Scenario: No effective contraception is a precaution
    Given reproductive.contraception is false
    When the patient is assessed for fingolimod
    Then the finding fingolimod.pregnancy.no-contraception has verdict eligible_with_precautions

  Scenario: A man gets no pregnancy finding
    Given patient.sex is male
    And reproductive.pregnant is true
    When the patient is assessed for fingolimod
    Then no pregnancy finding is reported
