@monitoring
Feature: Ublituximab during treatment (US 5.2, 5.3 and 5.5 changed, not read)

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
    And diagnosis.active_disease is true
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: US: the changed warnings are flagged
    When the patient is assessed for ublituximab
    Then the finding ublituximab.monitoring.us-changed-sections says "1/2026"
    And the finding ublituximab.monitoring.us-changed-sections has verdict info

  Scenario: EU: no US changed-sections note
    When the patient is assessed for ublituximab under the EU label
    Then the finding ublituximab.monitoring.us-changed-sections is not reported
