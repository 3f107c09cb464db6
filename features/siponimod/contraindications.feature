@contraindications
Feature: Siponimod contraindications (US Highlights 8/2023; EU 4.2 mirror for CYP2C9*3/*3)

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

  Scenario Outline: Each contraindication, in the US and the EU
    Given <field> is <value>
    When the patient is assessed for siponimod under the <label> label
    Then the finding <rule> has verdict contraindicated
    And the verdict is contraindicated

    Examples:
      | label | field                             | value   | rule                                                       |
      | US    | genetics.cyp2c9_genotype          | "*3/*3" | siponimod.contraindication.cyp2c9-3-3                      |
      | US    | cardiac.major_event_past_6_months | true    | siponimod.contraindication.recent-cardiac-event            |
      | US    | cardiac.conduction_block          | true    | siponimod.contraindication.conduction-block-without-pacemaker |
      | EU    | genetics.cyp2c9_genotype          | "*3/*3" | siponimod.contraindication.cyp2c9-3-3                      |

  Scenario: CYP2C9*3/*3 holds the titration
    Given genetics.cyp2c9_genotype is "*3/*3"
    When the patient is assessed for siponimod
    Then the schedule has "day 1: 0.25 mg" on hold by siponimod.contraindication.cyp2c9-3-3
    And no dose is shown as due

  Scenario: Unknown genotype asks for the test, never "eligible"
    Given genetics.cyp2c9_genotype is unknown
    When the patient is assessed for siponimod
    Then the finding siponimod.workup.cyp2c9-genotype has verdict workup_required
    And genetics.cyp2c9_genotype is reported missing, asked by siponimod.workup.cyp2c9-genotype
    And the verdict is workup_required

  Scenario: Unknown recent cardiac history is not negative
    Given cardiac.major_event_past_6_months is unknown
    When the patient is assessed for siponimod
    Then the finding siponimod.contraindication.recent-cardiac-event is undecided
    And the verdict is workup_required
