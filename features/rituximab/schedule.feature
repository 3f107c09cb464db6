@schedule
Feature: No labelled MS regimen for rituximab: nothing is dated

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: A new patient: one undated item says there is no labelled MS regimen
    When the patient is assessed for rituximab
    Then the schedule has "off-label: no labelled MS dose or schedule"
    And no dose is shown as due
    And the finding rituximab.schedule.no-labelled-ms-regimen says "dates no dose"

  Scenario: With doses recorded, no next dose is invented
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: rituximab, started: 2026-03-02}
        courses:
          - {drug: rituximab, formulation: IV, doses: [2026-03-02, 2026-03-16]}
      """
    When the patient is assessed for rituximab
    Then no dose is shown as due
    And the finding rituximab.schedule.no-labelled-ms-regimen is reported
