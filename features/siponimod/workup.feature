@workup
Feature: Work-up before the first siponimod dose (US 2.1 opening items, 6/2024)

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

  Scenario Outline: A test never done asks for work-up and names the field
    Given <field> is unknown
    When the patient is assessed for siponimod
    Then the finding <rule> has verdict workup_required
    And <field> is reported missing, asked by <rule>
    And the verdict is workup_required

    Examples:
      | field                 | rule                           |
      | screening.ecg         | siponimod.workup.ecg           |
      | screening.cbc_date    | siponimod.workup.cbc           |
      | screening.eye_exam    | siponimod.workup.eye-exam      |
      | screening.vzv_igg     | siponimod.workup.vzv-antibodies |
      | screening.liver_tests | siponimod.workup.liver-tests   |

  Scenario: VZV negative defers the start
    Given screening.vzv_igg is negative
    When the patient is assessed for siponimod
    Then the finding siponimod.workup.vzv-negative has verdict deferred

  Scenario: Macular oedema found
    Given screening.eye_exam is macular_oedema
    When the patient is assessed for siponimod
    Then the finding siponimod.workup.macular-oedema-found has verdict eligible_with_precautions

  Scenario: Abnormal liver tests
    Given screening.liver_tests is abnormal
    When the patient is assessed for siponimod
    Then the finding siponimod.workup.abnormal-liver-tests has verdict eligible_with_precautions
    And the finding siponimod.workup.abnormal-liver-tests says "significant liver injury"
