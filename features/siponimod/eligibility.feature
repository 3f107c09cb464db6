@eligibility
Feature: Who siponimod is labelled for (US section 1, 6/2024; EU 4.1 mirror: active SPMS only)

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

  Scenario: US RRMS adult with complete work-up: eligible
    When the patient is assessed for siponimod
    Then the finding siponimod.eligibility.us-relapsing-adult applies
    And the verdict is eligible
    And every finding cites a source with its revision

  Scenario: The same RRMS patient under the EU label is not indicated (EU: active SPMS only)
    When the patient is assessed for siponimod under the EU label
    Then the finding siponimod.eligibility.eu-not-indicated has verdict not_indicated
    And the finding siponimod.eligibility.us-relapsing-adult is not reported
    And the verdict is not_indicated

  Scenario: EU active SPMS: eligible
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is true
    When the patient is assessed for siponimod under the EU label
    Then the finding siponimod.eligibility.eu-active-spms applies
    And the verdict is eligible

  Scenario: EU SPMS with unknown activity asks for it
    Given diagnosis.phenotype is SPMS
    When the patient is assessed for siponimod under the EU label
    Then the finding siponimod.eligibility.eu-active-spms is undecided
    And diagnosis.active_disease is reported missing, asked by siponimod.eligibility.eu-active-spms

  Scenario Outline: US: PPMS, non-active SPMS and under 18 are not indicated
    Given diagnosis.phenotype is <phenotype>
    And diagnosis.active_disease is false
    And patient.age is <age>
    When the patient is assessed for siponimod
    Then the finding siponimod.eligibility.us-not-indicated has verdict not_indicated

    Examples:
      | phenotype | age |
      | PPMS      | 45  |
      | SPMS      | 50  |
      | RRMS      | 17  |

  Scenario: On siponimod with quiet SPMS: continuing
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    And the current treatment is siponimod
    And treatment.current.started is 1 year before the assessment date
    When the patient is assessed for siponimod under the EU label
    Then the finding siponimod.eligibility.continuing applies
    And the finding siponimod.eligibility.eu-not-indicated is not reported
