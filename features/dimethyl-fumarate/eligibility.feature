@eligibility
Feature: Who dimethyl fumarate is labelled for (US section 1; EU SmPC 4.1)

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.6

  Scenario: An adult with RRMS ready to start is eligible (US)
    Given a female RRMS patient aged 34
    And reproductive.pregnant is false
    And reproductive.breastfeeding is false
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is eligible
    And the finding dimethyl-fumarate.eligibility.relapsing-adult-us cites tecfidera-uspi-2023-12 section 1
    And every finding cites a source with its revision

  Scenario: A man gets no pregnancy findings
    Given a male RRMS patient aged 40
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is eligible
    And no pregnancy finding is reported
    And reproductive.pregnant is not reported missing

  Scenario: CIS is a relapsing form in the US but not in the EU label
    Given a CIS patient aged 30
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.eligibility.relapsing-adult-us has verdict eligible
    And the verdict is eligible
    When the patient is assessed for dimethyl-fumarate under the EU label
    Then the verdict is not_indicated
    And the finding dimethyl-fumarate.eligibility.not-rrms-eu says "relapsing-remitting MS only"

  Scenario: An adult with RRMS is eligible under the EU label
    Given a RRMS patient aged 34
    When the patient is assessed for dimethyl-fumarate under the EU label
    Then the verdict is eligible
    And the finding dimethyl-fumarate.eligibility.rrms-adult-eu is reported

  Scenario: Active SPMS is indicated in the US
    Given a SPMS patient aged 50
    And diagnosis.active_disease is true
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is eligible
    And the finding dimethyl-fumarate.eligibility.active-spms-adult-us applies

  Scenario: SPMS with unrecorded activity needs work-up, never eligible on a guess
    Given a SPMS patient aged 50
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.eligibility.active-spms-adult-us is undecided
    And diagnosis.active_disease is reported missing
    And the verdict is workup_required

  Scenario Outline: Progressive MS without activity is not indicated (US)
    Given a <phenotype> patient aged 52
    And diagnosis.active_disease is false
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is not_indicated
    And the finding dimethyl-fumarate.eligibility.progressive-not-indicated-us is reported

    Examples:
      | phenotype |
      | PPMS      |
      | SPMS      |

  Scenario: On dimethyl fumarate with quiet SPMS, continuing stays eligible (US)
    Given a SPMS patient aged 52
    And diagnosis.active_disease is false
    And the current treatment is dimethyl-fumarate
    And treatment.current.started is 2 years before the assessment date
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.eligibility.continuing-on-treatment-us has verdict eligible
    And the finding dimethyl-fumarate.eligibility.progressive-not-indicated-us is not reported

  Scenario: Under 18 is not indicated in the US
    Given a RRMS patient aged 16
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is not_indicated
    And the finding dimethyl-fumarate.eligibility.under-18-us is reported

  Scenario: Aged 13-17 under the EU label asks for the current SmPC, never eligible
    Given a RRMS patient aged 15
    When the patient is assessed for dimethyl-fumarate under the EU label
    Then the verdict is workup_required
    And the finding dimethyl-fumarate.eligibility.adolescent-eu is marked uncertain with "generic"
    And the finding dimethyl-fumarate.eligibility.rrms-adult-eu is not reported

  Scenario: Under 13 is not indicated in the EU
    Given a RRMS patient aged 12
    When the patient is assessed for dimethyl-fumarate under the EU label
    Then the verdict is not_indicated
    And the finding dimethyl-fumarate.eligibility.under-13-eu is reported
