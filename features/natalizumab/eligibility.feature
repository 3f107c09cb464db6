@eligibility
Feature: Who natalizumab is labelled for (US section 1, 10/2023; EU 4.1 highly active RRMS)
  The US label covers relapsing forms (CIS, RRMS, active SPMS) in adults; the EU label only highly
  active RRMS. An EU start is never shown as eligible on counts alone: "highly active", "full and
  adequate course" and "disabling" are the clinician's to confirm.

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile in YAML:
      """
      infection: {pml_suspected: false, pml_confirmed: false, serious_recurrent: false}
      history: {severely_immunocompromised: false, malignancy_active: false, hypersensitivity_to: []}
      medications: {current: []}
      labs: {jcv_antibody: negative}
      reproductive: {pregnant: false, breastfeeding: false}
      """

  Scenario: A JCV-negative adult with RRMS is eligible under the US label
    When the patient is assessed for natalizumab
    Then the verdict is eligible
    And the finding natalizumab.eligibility.us-relapsing-adult applies
    And the finding natalizumab.eligibility.us-relapsing-adult cites tysabri-uspi-2023-10 section 1
    And the finding natalizumab.eligibility.us-relapsing-adult says "offsets the PML risk"

  Scenario Outline: US phenotypes
    Given diagnosis.phenotype is <phenotype>
    And diagnosis.active_disease is <active>
    When the patient is assessed for natalizumab
    Then the verdict is <verdict>
    And the finding <rule> has verdict <verdict>

    Examples:
      | phenotype | active | verdict         | rule                                          |
      | CIS       | true   | eligible        | natalizumab.eligibility.us-relapsing-adult    |
      | SPMS      | true   | eligible        | natalizumab.eligibility.us-active-spms-adult  |
      | SPMS      | false  | not_indicated   | natalizumab.eligibility.us-not-relapsing      |
      | PPMS      | true   | not_indicated   | natalizumab.eligibility.us-not-relapsing      |

  Scenario: US SPMS with activity unrecorded asks for it
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is unknown
    When the patient is assessed for natalizumab
    Then the verdict is workup_required
    And the finding natalizumab.eligibility.us-active-spms-adult is undecided
    And diagnosis.active_disease is reported missing, asked by natalizumab.eligibility.us-active-spms-adult

  Scenario: Under 18 is not indicated in either jurisdiction
    Given patient.age is 16
    When the patient is assessed for natalizumab
    Then the verdict is not_indicated
    And the finding natalizumab.eligibility.under-18 applies

  Scenario: On natalizumab with quiet SPMS (US), continuing is a benefit-risk decision
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    And the current treatment is natalizumab
    And treatment.current.started is 2 years before the assessment date
    When the patient is assessed for natalizumab
    Then the finding natalizumab.eligibility.us-continuing-spms has verdict eligible
    And the finding natalizumab.eligibility.us-not-relapsing is not reported

  Scenario: EU, rapidly evolving severe RRMS by the counts asks the clinician to confirm
    Given the jurisdiction is EU
    And activity.relapses_past_12_months is 2
    And activity.gad_enhancing_lesions is 1
    When the patient is assessed for natalizumab
    Then the verdict is workup_required
    And the finding natalizumab.eligibility.eu-highly-active-confirm applies
    And the finding natalizumab.eligibility.eu-highly-active-confirm says "disabling"
    And the finding natalizumab.eligibility.us-relapsing-adult is not reported

  Scenario: EU, activity despite an earlier DMT asks the clinician to confirm "highly active"
    Given an earlier treatment with interferon-beta-1a stopped 2 months before the assessment date for breakthrough
    And activity.relapses_past_12_months is 1
    And activity.gad_enhancing_lesions is 0
    And diagnosis.active_disease is true
    When the patient is assessed for natalizumab under the EU label
    Then the verdict is workup_required
    And the finding natalizumab.eligibility.eu-highly-active-confirm applies

  Scenario: EU, treatment-naive RRMS with one relapse is not indicated
    Given the jurisdiction is EU
    And activity.relapses_past_12_months is 1
    And activity.gad_enhancing_lesions is 0
    And diagnosis.active_disease is true
    When the patient is assessed for natalizumab
    Then the verdict is not_indicated
    And the finding natalizumab.eligibility.eu-not-highly-active applies
    And the finding natalizumab.eligibility.eu-highly-active-confirm is not reported

  Scenario: EU, relapse count unknown: the indication cannot be checked
    Given the jurisdiction is EU
    When the patient is assessed for natalizumab
    Then the verdict is workup_required
    And the finding natalizumab.eligibility.eu-highly-active-confirm is undecided
    And activity.relapses_past_12_months is reported missing

  Scenario Outline: EU, other phenotypes are not indicated
    Given diagnosis.phenotype is <phenotype>
    And diagnosis.active_disease is true
    When the patient is assessed for natalizumab under the EU label
    Then the verdict is not_indicated
    And the finding natalizumab.eligibility.eu-not-rrms applies

    Examples:
      | phenotype |
      | CIS       |
      | SPMS      |
      | PPMS      |

  Scenario: EU, on natalizumab after conversion to SPMS: not "not indicated"
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    And the current treatment is natalizumab
    And treatment.current.started is 4 years before the assessment date
    When the patient is assessed for natalizumab under the EU label
    Then the finding natalizumab.eligibility.eu-continuing-on-treatment applies
    And the finding natalizumab.eligibility.eu-not-rrms is not reported

  Scenario: EU, on natalizumab for RRMS: continuing is shown as eligible
    Given the jurisdiction is EU
    And the current treatment is natalizumab
    And treatment.current.started is 1 years before the assessment date
    When the patient is assessed for natalizumab
    Then the verdict is eligible
    And the finding natalizumab.eligibility.eu-continuing-on-treatment applies
    And the finding natalizumab.eligibility.eu-not-highly-active is not reported
