@contraindications
Feature: Ponesimod contraindications (EU 4.3, 2022; US section 4 not read)

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

  Scenario Outline: Each contraindication
    Given <field> is <value>
    When the patient is assessed for ponesimod under the <label> label
    Then the finding <rule> has verdict contraindicated
    And the verdict is contraindicated
    And the schedule has "days 1-2: 2 mg once daily" on hold by <rule>

    Examples:
      | label | field                              | value       | rule                                                       |
      | US    | cardiac.major_event_past_6_months  | true        | ponesimod.contraindication.recent-cardiac-event            |
      | EU    | cardiac.conduction_block           | true        | ponesimod.contraindication.conduction-block-without-pacemaker |
      | EU    | history.hypersensitivity_to        | [ponesimod] | ponesimod.contraindication.eu-hypersensitivity             |
      | EU    | history.severely_immunocompromised | true        | ponesimod.contraindication.eu-immunodeficiency             |
      | EU    | history.malignancy_active          | true        | ponesimod.contraindication.eu-active-malignancy            |
      | EU    | history.hepatic_impairment         | moderate    | ponesimod.contraindication.eu-hepatic-impairment           |

  Scenario: Mild hepatic impairment is not an EU contraindication
    Given history.hepatic_impairment is mild
    When the patient is assessed for ponesimod under the EU label
    Then the finding ponesimod.contraindication.eu-hepatic-impairment is not reported

  Scenario: The US cardiac contraindication says the US section 4 was not read
    Given cardiac.major_event_past_6_months is true
    When the patient is assessed for ponesimod
    Then the finding ponesimod.contraindication.recent-cardiac-event is marked uncertain with "US section 4 not read"
