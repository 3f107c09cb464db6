@workup
Feature: Work-up before the first ozanimod dose (US 2.1, 8/2023 wording)

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

  Scenario Outline: A test never done asks for work-up and names the field
    Given <field> is unknown
    When the patient is assessed for ozanimod
    Then the finding <rule> has verdict workup_required
    And <field> is reported missing, asked by <rule>

    Examples:
      | field                 | rule                           |
      | screening.ecg         | ozanimod.workup.ecg            |
      | screening.cbc_date    | ozanimod.workup.cbc            |
      | screening.liver_tests | ozanimod.workup.liver-tests    |
      | screening.vzv_igg     | ozanimod.workup.vzv-antibodies |

  Scenario: Uveitis history without an eye examination
    Given history.uveitis is true
    And screening.eye_exam is unknown
    When the patient is assessed for ozanimod
    Then the finding ozanimod.workup.eye-exam-risk-group has verdict workup_required

  Scenario: VZV negative defers the start
    Given screening.vzv_igg is negative
    When the patient is assessed for ozanimod
    Then the finding ozanimod.workup.vzv-negative has verdict deferred

  Scenario: Abnormal liver tests
    Given screening.liver_tests is abnormal
    When the patient is assessed for ozanimod
    Then the finding ozanimod.workup.abnormal-liver-tests says "acute liver failure"
