@pregnancy
Feature: Ponesimod in pregnancy (EU 4.3 contraindication, 2022; US 1 week contraception, secondary)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 33
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

  Scenario: Contraception for 1 week after stopping
    When the patient is assessed for ponesimod
    Then the finding ponesimod.pregnancy.contraception says "1 week"

  Scenario: Pregnant: US held, EU contraindicated
    Given reproductive.pregnant is true
    When the patient is assessed for ponesimod
    Then the finding ponesimod.pregnancy.us-pregnant has verdict deferred

  Scenario: EU pregnant: contraindicated
    Given reproductive.pregnant is true
    When the patient is assessed for ponesimod under the EU label
    Then the finding ponesimod.pregnancy.eu-pregnant-or-no-contraception has verdict contraindicated
    And the finding ponesimod.pregnancy.eu-pregnant-or-no-contraception cites ponvory-smpc-eu-2022 section 4.3

  Scenario: US without contraception: precaution
    Given reproductive.contraception is false
    When the patient is assessed for ponesimod
    Then the finding ponesimod.pregnancy.us-no-contraception has verdict eligible_with_precautions

  Scenario: A man gets no pregnancy finding
    Given patient.sex is male
    When the patient is assessed for ponesimod under the EU label
    Then no pregnancy finding is reported
