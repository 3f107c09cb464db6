@eligibility
Feature: Glatiramer acetate indications: US relapsing forms of MS in adults (section 1); EU
  relapsing forms of MS, not primary or secondary progressive MS, not under 18 (40 mg/ml 4.1, 4.2)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile:
      | field                                   | value          |
      | history.hepatic_impairment              | none           |
      | history.hypersensitivity_to             | []             |
      | reproductive.pregnant                   | false          |
      | reproductive.breastfeeding              | false          |

  Scenario Outline: An adult with RRMS is eligible under both labels
    When the patient is assessed for glatiramer-acetate under the <label> label
    Then the verdict is eligible
    And the finding <rule> has verdict eligible

    Examples:
      | label | rule                                               |
      | US    | glatiramer-acetate.eligibility.relapsing-adult-us  |
      | EU    | glatiramer-acetate.eligibility.rrms-adult-eu       |

  Scenario Outline: Active SPMS: indicated in the US, not in the EU
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is true
    When the patient is assessed for glatiramer-acetate under the <label> label
    Then the verdict is <verdict>
    And the finding <rule> is reported

    Examples:
      | label | verdict       | rule                                               |
      | US    | eligible      | glatiramer-acetate.eligibility.active-spms-adult-us |
      | EU    | not_indicated | glatiramer-acetate.eligibility.spms-eu             |

  Scenario: Non-active SPMS is not indicated in the US
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    When the patient is assessed for glatiramer-acetate
    Then the verdict is not_indicated
    And the finding glatiramer-acetate.eligibility.non-active-spms-us is reported

  Scenario: PPMS is not indicated
    Given diagnosis.phenotype is PPMS
    When the patient is assessed for glatiramer-acetate
    Then the verdict is not_indicated
    And the finding glatiramer-acetate.eligibility.ppms is reported

  Scenario: EU CIS needs checking against the SmPC of the strength used
    Given diagnosis.phenotype is CIS
    When the patient is assessed for glatiramer-acetate under the EU label
    Then the verdict is workup_required
    And the finding glatiramer-acetate.eligibility.cis-confirm-eu is reported

  Scenario Outline: Under 18 is not indicated under either label
    Given patient.age is 16
    When the patient is assessed for glatiramer-acetate under the <label> label
    Then the verdict is not_indicated
    And the finding <rule> is reported

    Examples:
      | label | rule                                         |
      | US    | glatiramer-acetate.eligibility.under-18-us   |
      | EU    | glatiramer-acetate.eligibility.under-18-eu   |

  Scenario: On treatment, SPMS without recent activity stays indicated (US)
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    And the current treatment is glatiramer-acetate
    When the patient is assessed for glatiramer-acetate
    Then the verdict is eligible
    And the finding glatiramer-acetate.eligibility.continuing-on-treatment is reported
    And the finding glatiramer-acetate.eligibility.non-active-spms-us is not reported
