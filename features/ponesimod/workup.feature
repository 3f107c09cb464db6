@workup
Feature: Work-up before the first ponesimod dose (US 2.1, 6/2024 mirror; VZV 8/2023)

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

  Scenario Outline: A test never done asks for work-up and names the field
    Given <field> is unknown
    When the patient is assessed for ponesimod
    Then the finding <rule> has verdict workup_required
    And <field> is reported missing, asked by <rule>

    Examples:
      | field                 | rule                            |
      | screening.ecg         | ponesimod.workup.ecg            |
      | screening.cbc_date    | ponesimod.workup.cbc            |
      | screening.liver_tests | ponesimod.workup.liver-tests    |
      | screening.eye_exam    | ponesimod.workup.eye-exam       |
      | screening.vzv_igg     | ponesimod.workup.vzv-antibodies |

  Scenario: No skin examination yet: arrange one before or shortly after the start
    Given screening.skin_exam is unknown
    When the patient is assessed for ponesimod
    Then the finding ponesimod.workup.skin-exam has verdict eligible_with_precautions

  Scenario Outline: Abnormal findings
    Given <field> is <value>
    When the patient is assessed for ponesimod
    Then the finding <rule> has verdict <verdict>

    Examples:
      | field                 | value          | rule                                  | verdict                   |
      | screening.vzv_igg     | negative       | ponesimod.workup.vzv-negative         | deferred                  |
      | screening.eye_exam    | macular_oedema | ponesimod.workup.macular-oedema-found | eligible_with_precautions |
      | screening.liver_tests | abnormal       | ponesimod.workup.abnormal-liver-tests | eligible_with_precautions |
