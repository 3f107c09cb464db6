@contraindications
Feature: Fingolimod contraindications (earlier US list, manufacturer ISI; EU 2011 SmPC)
  The current US section 4 (changed 6/2026) was not read: every US start asks to check it.

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

  Scenario Outline: Each contraindication stops the start and holds the first dose
    Given <field> is <value>
    When the patient is assessed for fingolimod
    Then the finding <rule> has verdict contraindicated
    And the verdict is contraindicated
    And the finding <rule> is marked uncertain
    And the schedule has "dose 1: 0.5 mg by mouth (observed 6 hours)" on hold by <rule>

    Examples:
      | field                                | value | rule                                                        |
      | cardiac.major_event_past_6_months    | true  | fingolimod.contraindication.recent-cardiac-event            |
      | cardiac.qtc_ms                       | 500   | fingolimod.contraindication.qtc-500                         |
      | medications.current                  | [class_ia_or_iii_antiarrhythmic] | fingolimod.contraindication.class-ia-iii-antiarrhythmic |

  Scenario Outline: A high-grade AV block is a contraindication only without a pacemaker
    Given cardiac.conduction_block is true
    And cardiac.pacemaker is <pacemaker>
    When the patient is assessed for fingolimod
    Then the verdict is <verdict>

    Examples:
      | pacemaker | verdict         |
      | true      | workup_required |
      | false     | contraindicated |

  Scenario: AV block without a pacemaker names the rule
    Given cardiac.conduction_block is true
    When the patient is assessed for fingolimod
    Then the finding fingolimod.contraindication.conduction-block-without-pacemaker has verdict contraindicated

  Scenario: A QTc of 499 ms is not a contraindication
    Given cardiac.qtc_ms is 499
    When the patient is assessed for fingolimod
    Then the finding fingolimod.contraindication.qtc-500 is not reported

  Scenario: Unknown cardiac history is not negative
    Given cardiac.major_event_past_6_months is unknown
    And cardiac.qtc_ms is unknown
    When the patient is assessed for fingolimod
    Then the finding fingolimod.contraindication.recent-cardiac-event is undecided
    And the finding fingolimod.contraindication.qtc-500 is undecided
    And cardiac.major_event_past_6_months is reported missing, asked by fingolimod.contraindication.recent-cardiac-event
    And the verdict is workup_required

  Scenario: EU severe hepatic impairment is a contraindication (2011 SmPC)
    Given history.hepatic_impairment is severe
    When the patient is assessed for fingolimod under the EU label
    Then the finding fingolimod.contraindication.severe-hepatic-impairment has verdict contraindicated
    And the finding fingolimod.contraindication.severe-hepatic-impairment cites gilenya-smpc-eu-2011 section 4.2

  Scenario: US start: check the current section 4 (changed 6/2026)
    When the patient is assessed for fingolimod
    Then the finding fingolimod.workup.check-current-us-section-4 says "6/2026"
    And the finding fingolimod.workup.check-current-us-section-4 cites tascenso-uspi-openfda-2026-06 section RMC
