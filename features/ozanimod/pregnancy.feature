@pregnancy
Feature: Ozanimod in pregnancy (US 5.5: 3 months contraception; EU contraindication, secondary)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 29
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
    And reproductive.contraception is true

  Scenario: Contraception for 3 months after stopping
    When the patient is assessed for ozanimod
    Then the finding ozanimod.pregnancy.contraception says "3 months"

  Scenario: US pregnant: held
    Given reproductive.pregnant is true
    When the patient is assessed for ozanimod
    Then the finding ozanimod.pregnancy.us-pregnant has verdict deferred

  Scenario: EU without contraception: contraindicated
    Given reproductive.contraception is false
    When the patient is assessed for ozanimod under the EU label
    Then the finding ozanimod.pregnancy.eu-pregnant-or-no-contraception has verdict contraindicated

  Scenario: US without contraception: precaution
    Given reproductive.contraception is false
    When the patient is assessed for ozanimod
    Then the finding ozanimod.pregnancy.us-no-contraception has verdict eligible_with_precautions

  Scenario: A man gets no pregnancy finding
    Given patient.sex is male
    When the patient is assessed for ozanimod under the EU label
    Then no pregnancy finding is reported
