@eligibility
Feature: Peginterferon beta-1a indications: US relapsing forms of MS in adults (Plegridy 1, 7/2023);
  EU relapsing-remitting MS in adults only (4.1)

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
    When the patient is assessed for peginterferon-beta-1a under the <label> label
    Then the verdict is eligible
    And the finding <rule> has verdict eligible

    Examples:
      | label | rule                                                   |
      | US    | peginterferon-beta-1a.eligibility.relapsing-adult-us   |
      | EU    | peginterferon-beta-1a.eligibility.rrms-adult-eu        |

  Scenario: CIS is indicated in the US but not in the EU
    Given diagnosis.phenotype is CIS
    When the patient is assessed for peginterferon-beta-1a under the EU label
    Then the verdict is not_indicated
    And the finding peginterferon-beta-1a.eligibility.cis-or-spms-eu says "relapsing-remitting MS only"

  Scenario: Active SPMS is indicated in the US
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is true
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is eligible
    And the finding peginterferon-beta-1a.eligibility.active-spms-adult-us is reported

  Scenario: SPMS with unrecorded activity needs the activity recorded (US)
    Given diagnosis.phenotype is SPMS
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is workup_required
    And diagnosis.active_disease is reported missing

  Scenario: Non-active SPMS is not indicated in the US
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is not_indicated
    And the finding peginterferon-beta-1a.eligibility.non-active-spms-us is reported

  Scenario: PPMS is not indicated
    Given diagnosis.phenotype is PPMS
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is not_indicated
    And the finding peginterferon-beta-1a.eligibility.ppms is reported

  Scenario Outline: Under 18 is not indicated under either label
    Given patient.age is 16
    When the patient is assessed for peginterferon-beta-1a under the <label> label
    Then the verdict is not_indicated
    And the finding <rule> is reported

    Examples:
      | label | rule                                           |
      | US    | peginterferon-beta-1a.eligibility.under-18-us  |
      | EU    | peginterferon-beta-1a.eligibility.under-18-eu  |

  Scenario: On treatment, SPMS without recent activity stays indicated (US)
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    And the current treatment is peginterferon-beta-1a
    When the patient is assessed for peginterferon-beta-1a
    Then the verdict is eligible
    And the finding peginterferon-beta-1a.eligibility.continuing-on-treatment is reported
    And the finding peginterferon-beta-1a.eligibility.non-active-spms-us is not reported
