@eligibility
Feature: Interferon beta-1a indications: US relapsing forms of MS in adults (Avonex 1, 7/2023;
  Rebif ISI); EU relapsing MS and a single demyelinating event (Avonex 4.1; Rebif 4.1, 2024),
  with SPMS depending on the product (IM Avonex / SC Rebif)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile:
      | field                                   | value          |
      | screening.cbc_date                      | 2 weeks before |
      | screening.thyroid_function              | normal         |
      | history.depression_or_suicidal_ideation | false          |
      | history.seizures                        | false          |
      | history.hepatic_impairment              | none           |
      | history.hypersensitivity_to             | []             |
      | reproductive.pregnant                   | false          |
      | reproductive.breastfeeding              | false          |

  Scenario Outline: An adult with RRMS is eligible under both labels
    When the patient is assessed for interferon-beta-1a under the <label> label
    Then the verdict is eligible
    And the finding <rule> has verdict eligible

    Examples:
      | label | rule                                              |
      | US    | interferon-beta-1a.eligibility.relapsing-adult-us |
      | EU    | interferon-beta-1a.eligibility.rrms-adult-eu      |

  Scenario: Active SPMS is indicated in the US
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is true
    When the patient is assessed for interferon-beta-1a
    Then the verdict is eligible
    And the finding interferon-beta-1a.eligibility.active-spms-adult-us is reported

  Scenario: Non-active SPMS is not indicated in the US
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    When the patient is assessed for interferon-beta-1a
    Then the verdict is not_indicated
    And the finding interferon-beta-1a.eligibility.non-active-spms-us is reported

  Scenario: PPMS is not indicated
    Given diagnosis.phenotype is PPMS
    When the patient is assessed for interferon-beta-1a under the EU label
    Then the verdict is not_indicated
    And the finding interferon-beta-1a.eligibility.ppms is reported

  Scenario: Under 18 is not indicated in the US
    Given patient.age is 16
    When the patient is assessed for interferon-beta-1a
    Then the verdict is not_indicated
    And the finding interferon-beta-1a.eligibility.under-18-us is reported

  Scenario: Under 18 in the EU needs a specialist check of the current SmPC
    Given patient.age is 16
    When the patient is assessed for interferon-beta-1a under the EU label
    Then the verdict is workup_required
    And the finding interferon-beta-1a.eligibility.under-18-eu is reported

  Scenario: EU CIS needs the label's criteria confirmed
    Given diagnosis.phenotype is CIS
    When the patient is assessed for interferon-beta-1a under the EU label
    Then the verdict is workup_required
    And the finding interferon-beta-1a.eligibility.cis-confirm-criteria-eu says "44 microgram"

  Scenario: EU SPMS on Avonex (IM) is not indicated
    Given diagnosis.phenotype is SPMS
    And treatment.current.drug is interferon-beta-1a
    And treatment.current.formulation is IM
    When the patient is assessed for interferon-beta-1a under the EU label
    Then the verdict is not_indicated
    And the finding interferon-beta-1a.eligibility.spms-im-eu is reported

  Scenario: EU SPMS on Rebif (SC) with a relapse in the past year is indicated
    Given diagnosis.phenotype is SPMS
    And treatment.current.drug is interferon-beta-1a
    And treatment.current.formulation is SC
    And activity.relapses_past_12_months is 1
    When the patient is assessed for interferon-beta-1a under the EU label
    Then the verdict is eligible
    And the finding interferon-beta-1a.eligibility.spms-sc-relapses-eu is reported

  Scenario: EU SPMS without a recorded product needs the product and relapses confirmed
    Given diagnosis.phenotype is SPMS
    When the patient is assessed for interferon-beta-1a under the EU label
    Then the verdict is workup_required
    And the finding interferon-beta-1a.eligibility.spms-confirm-eu says "Record the product"

  Scenario: On treatment, SPMS without recent activity stays indicated (US)
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    And the current treatment is interferon-beta-1a
    When the patient is assessed for interferon-beta-1a
    Then the verdict is eligible
    And the finding interferon-beta-1a.eligibility.continuing-on-treatment is reported
    And the finding interferon-beta-1a.eligibility.non-active-spms-us is not reported
