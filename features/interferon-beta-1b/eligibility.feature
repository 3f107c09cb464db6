@eligibility
Feature: Interferon beta-1b indications: US relapsing forms of MS in adults (Betaseron 1); EU CIS
  with strict criteria, RRMS with two or more relapses in two years, SPMS with relapses (Betaferon
  and Extavia 4.1)

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
      | activity.relapses_past_12_months        | 2              |

  Scenario: An adult with RRMS is eligible under the US label
    When the patient is assessed for interferon-beta-1b
    Then the verdict is eligible
    And the finding interferon-beta-1b.eligibility.relapsing-adult-us has verdict eligible
    And the finding interferon-beta-1b.eligibility.rrms-two-relapses-eu is not reported

  Scenario: Active SPMS is indicated in the US
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is true
    When the patient is assessed for interferon-beta-1b
    Then the verdict is eligible
    And the finding interferon-beta-1b.eligibility.active-spms-adult-us is reported

  Scenario: SPMS with unrecorded activity needs the activity recorded (US)
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is unknown
    When the patient is assessed for interferon-beta-1b
    Then the verdict is workup_required
    And the finding interferon-beta-1b.eligibility.active-spms-adult-us is undecided
    And diagnosis.active_disease is reported missing

  Scenario: Non-active SPMS is not indicated in the US
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    When the patient is assessed for interferon-beta-1b
    Then the verdict is not_indicated
    And the finding interferon-beta-1b.eligibility.non-active-spms-us is reported

  Scenario Outline: PPMS is not indicated under either label
    Given diagnosis.phenotype is PPMS
    When the patient is assessed for interferon-beta-1b under the <label> label
    Then the verdict is not_indicated
    And the finding interferon-beta-1b.eligibility.ppms is reported

    Examples:
      | label |
      | US    |
      | EU    |

  Scenario: Under 18 is not indicated in the US
    Given patient.age is 16
    When the patient is assessed for interferon-beta-1b
    Then the verdict is not_indicated
    And the finding interferon-beta-1b.eligibility.under-18-us is reported

  Scenario: EU RRMS with two relapses in the past year is indicated
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is eligible
    And the finding interferon-beta-1b.eligibility.rrms-two-relapses-eu has verdict eligible
    And the finding interferon-beta-1b.eligibility.relapsing-adult-us is not reported

  Scenario: EU RRMS with one relapse in the past year needs the two-year count confirmed
    Given activity.relapses_past_12_months is 1
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is workup_required
    And the finding interferon-beta-1b.eligibility.rrms-confirm-relapses-eu says "last 24 months"

  Scenario: EU RRMS with an unrecorded relapse count is never eligible on a guess
    Given activity.relapses_past_12_months is unknown
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is workup_required
    And the finding interferon-beta-1b.eligibility.rrms-confirm-relapses-eu is undecided
    And activity.relapses_past_12_months is reported missing

  Scenario: EU CIS needs the label's criteria confirmed
    Given diagnosis.phenotype is CIS
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is workup_required
    And the finding interferon-beta-1b.eligibility.cis-confirm-criteria-eu says "intravenous corticosteroids"

  Scenario: EU SPMS with a relapse in the past year is indicated
    Given diagnosis.phenotype is SPMS
    And activity.relapses_past_12_months is 1
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is eligible
    And the finding interferon-beta-1b.eligibility.spms-relapses-eu is reported

  Scenario: EU SPMS without a recorded relapse needs relapse activity confirmed
    Given diagnosis.phenotype is SPMS
    And activity.relapses_past_12_months is 0
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is workup_required
    And the finding interferon-beta-1b.eligibility.spms-confirm-relapses-eu is reported

  Scenario: EU under 12 is not indicated
    Given patient.age is 10
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is not_indicated
    And the finding interferon-beta-1b.eligibility.under-12-eu is reported

  Scenario: EU adolescents need a specialist decision
    Given patient.age is 15
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is workup_required
    And the finding interferon-beta-1b.eligibility.adolescent-eu says "Extavia"

  Scenario: On treatment, SPMS without recent activity stays indicated (US)
    Given diagnosis.phenotype is SPMS
    And diagnosis.active_disease is false
    And the current treatment is interferon-beta-1b
    When the patient is assessed for interferon-beta-1b
    Then the verdict is eligible
    And the finding interferon-beta-1b.eligibility.continuing-on-treatment is reported
    And the finding interferon-beta-1b.eligibility.non-active-spms-us is not reported

  Scenario: EU: on treatment, no relapse in the past year is response, not a lost indication
    Given activity.relapses_past_12_months is 0
    And the current treatment is interferon-beta-1b
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is eligible
    And the finding interferon-beta-1b.eligibility.rrms-confirm-relapses-eu is not reported
