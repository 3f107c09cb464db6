@contraindications
Feature: Ozanimod contraindications (US 2020 monograph, secondary; EU 4.3 Italian copy in part)

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

  Scenario Outline: Each contraindication
    Given <field> is <value>
    When the patient is assessed for ozanimod under the <label> label
    Then the finding <rule> has verdict contraindicated
    And the verdict is contraindicated
    And the schedule has "days 1-4: 0.23 mg once daily" on hold by <rule>

    Examples:
      | label | field                               | value       | rule                                                      |
      | US    | cardiac.major_event_past_6_months   | true        | ozanimod.contraindication.recent-cardiac-event            |
      | EU    | cardiac.conduction_block            | true        | ozanimod.contraindication.conduction-block-without-pacemaker |
      | US    | cardiac.severe_untreated_sleep_apnoea | true      | ozanimod.contraindication.us-sleep-apnoea                 |
      | US    | medications.current                 | [maoi]      | ozanimod.contraindication.us-maoi                         |
      | EU    | history.hypersensitivity_to         | [ozanimod]  | ozanimod.contraindication.eu-hypersensitivity             |
      | EU    | history.severely_immunocompromised  | true        | ozanimod.contraindication.eu-immunodeficiency             |
      | EU    | history.hepatic_impairment          | severe      | ozanimod.contraindication.eu-severe-hepatic-impairment    |

  Scenario: Sleep apnoea and MAO inhibitors are US-only contraindications
    Given cardiac.severe_untreated_sleep_apnoea is true
    When the patient is assessed for ozanimod under the EU label
    Then the finding ozanimod.contraindication.us-sleep-apnoea is not reported
    And the verdict is eligible

  Scenario: Unknown sleep apnoea status is not negative (US)
    Given cardiac.severe_untreated_sleep_apnoea is unknown
    When the patient is assessed for ozanimod
    Then the finding ozanimod.contraindication.us-sleep-apnoea is undecided
    And the verdict is workup_required
