@monitoring
Feature: Ofatumumab during treatment (US 5.3 not read; US 5.4 and 5.5 changed, not read)

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
    And diagnosis.active_disease is true
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: ofatumumab, started: 2026-09-01}
        courses:
          - {drug: ofatumumab, formulation: SC, doses: [2026-09-01, 2026-09-08, 2026-09-15, 2026-09-29, 2026-10-29]}
      """

  Scenario: On ofatumumab: immunoglobulins monitored; the US sections changed since are flagged
    When the patient is assessed for ofatumumab
    Then the finding ofatumumab.monitoring.immunoglobulins has verdict info
    And the finding ofatumumab.monitoring.immunoglobulins is marked uncertain with "5.3 NOT read"
    And the finding ofatumumab.monitoring.us-changed-sections says "5.5"

  Scenario: The US changed-sections note is US only
    When the patient is assessed for ofatumumab under the EU label
    Then the finding ofatumumab.monitoring.us-changed-sections is not reported
    And the finding ofatumumab.monitoring.immunoglobulins is reported
