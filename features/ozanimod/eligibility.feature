@eligibility
Feature: Who ozanimod is labelled for (US 1, 6/2024: relapsing MS; EU 4.1, UK 7/2024: active RRMS only)

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

  Scenario: Active RRMS with a complete work-up: eligible in the US and the EU
    When the patient is assessed for ozanimod
    Then the finding ozanimod.eligibility.us-relapsing-adult applies
    And the verdict is eligible
    And every finding cites a source with its revision

  Scenario: EU active RRMS: eligible
    When the patient is assessed for ozanimod under the EU label
    Then the finding ozanimod.eligibility.eu-active-rrms applies
    And the verdict is eligible

  Scenario: CIS: US indicated, EU not
    Given diagnosis.phenotype is CIS
    When the patient is assessed for ozanimod under the EU label
    Then the finding ozanimod.eligibility.eu-not-indicated has verdict not_indicated
    And the verdict is not_indicated

  Scenario: EU RRMS with unknown activity asks for it
    Given diagnosis.active_disease is unknown
    When the patient is assessed for ozanimod under the EU label
    Then the finding ozanimod.eligibility.eu-active-rrms is undecided
    And diagnosis.active_disease is reported missing, asked by ozanimod.eligibility.eu-active-rrms

  Scenario Outline: US: outside the label
    Given diagnosis.phenotype is <phenotype>
    And diagnosis.active_disease is false
    And patient.age is <age>
    When the patient is assessed for ozanimod
    Then the finding ozanimod.eligibility.us-not-indicated has verdict not_indicated

    Examples:
      | phenotype | age |
      | PPMS      | 45  |
      | RRMS      | 16  |

  Scenario: On ozanimod: continuing
    Given the current treatment is ozanimod
    And treatment.current.started is 1 year before the assessment date
    And diagnosis.active_disease is false
    When the patient is assessed for ozanimod under the EU label
    Then the finding ozanimod.eligibility.continuing applies
