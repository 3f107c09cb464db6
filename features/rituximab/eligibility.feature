@eligibility
Feature: Rituximab is off-label in MS (no US or EU label lists MS): not indicated, never "eligible"

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario Outline: Every phenotype gets the off-label decision, in each jurisdiction
    Given a male <phenotype> patient aged 40
    And diagnosis.active_disease is true
    When the patient is assessed for rituximab under the <jurisdiction> label
    Then the verdict is not_indicated
    And the finding <rule> has verdict not_indicated
    And the finding <rule> says "off-label"
    And the finding <rule> says "governance"
    And the finding <rule> cites <source> section <section>

    Examples:
      | phenotype | jurisdiction | rule                                | source                   | section |
      | RRMS      | US           | rituximab.eligibility.off-label-us  | rituxan-uspi-2025-01     | HL      |
      | PPMS      | US           | rituximab.eligibility.off-label-us  | rituxan-uspi-2025-01     | HL      |
      | RRMS      | EU           | rituximab.eligibility.off-label-eu  | mabthera-smpc-uk-2024-07 | 4.1     |
      | SPMS      | EU           | rituximab.eligibility.off-label-eu  | mabthera-smpc-uk-2024-07 | 4.1     |

  Scenario: The EU finding is not shown under the US label
    Given a male RRMS patient aged 40
    When the patient is assessed for rituximab
    Then the finding rituximab.eligibility.off-label-eu is not reported
    And the finding rituximab.eligibility.off-label-us tells the patient "not approved for MS"
