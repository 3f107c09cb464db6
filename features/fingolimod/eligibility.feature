@eligibility
Feature: Who fingolimod is labelled for (US section 1 of 8/2025 and 6/2026; EU 4.1 of a 2022 copy)
  US: relapsing forms of MS from age 10. EU: highly active RRMS only, which the recorded facts
  cannot decide: an EU start always asks the clinician to confirm the group.

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

  Scenario: US relapsing MS, all work-up done: indicated, but the current section 4 must be checked
    When the patient is assessed for fingolimod
    Then the finding fingolimod.eligibility.us-relapsing applies
    And the finding fingolimod.workup.check-current-us-section-4 has verdict workup_required
    And the verdict is workup_required
    And the finding fingolimod.eligibility.us-relapsing cites fingolimod-uspi-openfda-2025-08 section 1
    And every finding cites a source with its revision

  Scenario Outline: US phenotypes and ages outside the label
    Given diagnosis.phenotype is <phenotype>
    And diagnosis.active_disease is <active>
    And patient.age is <age>
    When the patient is assessed for fingolimod
    Then the finding fingolimod.eligibility.us-not-relapsing has verdict not_indicated
    And the verdict is not_indicated

    Examples:
      | phenotype | active | age |
      | PPMS      | false  | 40  |
      | SPMS      | false  | 50  |
      | RRMS      | true   | 9   |

  Scenario: US SPMS with unknown activity asks whether the disease is active
    Given diagnosis.phenotype is SPMS
    When the patient is assessed for fingolimod
    Then the finding fingolimod.eligibility.us-relapsing is undecided
    And diagnosis.active_disease is reported missing, asked by fingolimod.eligibility.us-relapsing

  Scenario: EU RRMS: the clinician must confirm highly active disease (group A or B)
    Given activity.relapses_past_12_months is 2
    And activity.gad_enhancing_lesions is 1
    When the patient is assessed for fingolimod under the EU label
    Then the finding fingolimod.eligibility.eu-highly-active-confirm has verdict workup_required
    And the finding fingolimod.eligibility.eu-highly-active-confirm says "highly active"
    And the finding fingolimod.eligibility.us-relapsing is not reported
    And the finding fingolimod.workup.check-current-us-section-4 is not reported
    And the verdict is workup_required

  Scenario Outline: EU phenotypes outside the highly active RRMS indication
    Given diagnosis.phenotype is <phenotype>
    And diagnosis.active_disease is true
    When the patient is assessed for fingolimod under the EU label
    Then the finding fingolimod.eligibility.eu-not-highly-active-rrms has verdict not_indicated
    And the verdict is not_indicated

    Examples:
      | phenotype |
      | CIS       |
      | SPMS      |
      | PPMS      |

  Scenario: On fingolimod with quiet disease: continuing is not a lost indication
    Given the current treatment is fingolimod
    And treatment.current.started is 2 years before the assessment date
    And diagnosis.active_disease is false
    When the patient is assessed for fingolimod under the EU label
    Then the finding fingolimod.eligibility.continuing applies
    And the finding fingolimod.eligibility.eu-highly-active-confirm is not reported
    And the verdict is eligible
