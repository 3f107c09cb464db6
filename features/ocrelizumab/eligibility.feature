@eligibility
Feature: Ocrelizumab eligibility by MS phenotype and age (US label section 1)
  The US label covers relapsing forms (CIS, RRMS, active SPMS) and PPMS in adults.

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal

  Scenario Outline: Labelled adult phenotypes are eligible
    Given a <phenotype> patient aged 34
    And diagnosis.active_disease is <active>
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible
    And the finding <rule> is reported
    And the finding <rule> cites ocrevus-uspi-2024-01 section 1

    Examples:
      | phenotype | active | rule                                      |
      | CIS       | true   | ocrelizumab.eligibility.relapsing-adult   |
      | RRMS      | false  | ocrelizumab.eligibility.relapsing-adult   |
      | SPMS      | true   | ocrelizumab.eligibility.active-spms-adult |
      | PPMS      | false  | ocrelizumab.eligibility.ppms-adult        |

  Scenario: Non-active SPMS is not indicated
    Given a SPMS patient aged 61
    And diagnosis.active_disease is false
    When the patient is assessed for ocrelizumab
    Then the verdict is not_indicated
    And the finding ocrelizumab.eligibility.non-active-spms is explained by "MS phenotype is SPMS"
    And the finding ocrelizumab.eligibility.active-spms-adult is not reported

  Scenario: SPMS with unknown activity needs work-up, never a guess
    Given a SPMS patient aged 52
    When the patient is assessed for ocrelizumab
    Then the verdict is workup_required
    And the finding ocrelizumab.eligibility.active-spms-adult is undecided
    And the finding ocrelizumab.eligibility.active-spms-adult says "record whether the disease is active"
    And diagnosis.active_disease is reported missing

  Scenario: A 16-year-old in the US is not shown as eligible: check the 5/2026 label
    Given a RRMS patient aged 16
    When the patient is assessed for ocrelizumab
    Then the verdict is workup_required
    And the finding ocrelizumab.eligibility.under-18-us-check-label says "check the current label"
    And the finding ocrelizumab.eligibility.under-18 is not reported
    And the finding ocrelizumab.eligibility.relapsing-adult is not reported

  Scenario: A 16-year-old in the EU is not indicated (adults only)
    Given a RRMS patient aged 16
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is not_indicated
    And the finding ocrelizumab.eligibility.under-18 says "not intended to be used in children"

  Scenario: Age is taken from the birth date on the assessment date
    Given a patient profile:
      | field               | value      |
      | patient.birth_date  | 2008-11-23 |
      | diagnosis.phenotype | RRMS       |
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.eligibility.under-18-us-check-label is explained by "age is 17 years"
