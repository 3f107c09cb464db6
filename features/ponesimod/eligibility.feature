@eligibility
Feature: Who ponesimod is labelled for (US 1, 6/2024; EU 4.1 active relapsing MS, secondary)

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

  Scenario: Active RRMS with a complete work-up: eligible (US)
    When the patient is assessed for ponesimod
    Then the finding ponesimod.eligibility.us-relapsing-adult applies
    And the verdict is eligible
    And every finding cites a source with its revision

  Scenario: Active RRMS under the EU label
    When the patient is assessed for ponesimod under the EU label
    Then the finding ponesimod.eligibility.eu-active-relapsing applies
    And the finding ponesimod.eligibility.eu-active-relapsing is marked uncertain with "garbled"

  Scenario: CIS: US indicated, EU not
    Given diagnosis.phenotype is CIS
    When the patient is assessed for ponesimod under the EU label
    Then the finding ponesimod.eligibility.eu-not-indicated has verdict not_indicated
    And the verdict is not_indicated

  Scenario Outline: US: outside the label
    Given diagnosis.phenotype is <phenotype>
    And diagnosis.active_disease is false
    When the patient is assessed for ponesimod
    Then the finding ponesimod.eligibility.us-not-indicated has verdict not_indicated

    Examples:
      | phenotype |
      | PPMS      |
      | SPMS      |

  Scenario: On ponesimod: continuing
    Given the current treatment is ponesimod
    And treatment.current.started is 1 year before the assessment date
    When the patient is assessed for ponesimod
    Then the finding ponesimod.eligibility.continuing applies
