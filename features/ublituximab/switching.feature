@switching
Feature: Switching to and from ublituximab

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
    And diagnosis.active_disease is true
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: Switching in from natalizumab: the unread label text is named
    Given the current treatment is natalizumab
    And treatment.current.last_dose is 4 weeks before the assessment date
    When the patient is assessed for ublituximab
    Then the finding ublituximab.switching.after-immunosuppressive-therapy has verdict info
    And the finding ublituximab.switching.after-immunosuppressive-therapy is marked uncertain with "Not read"

  Scenario: Switching from ublituximab: the ublituximab label on stopping is shown for the next drug
    Given an earlier treatment with ublituximab stopped 20 weeks before the assessment date for patient_choice
    When the patient is assessed for ofatumumab
    Then the finding ublituximab.switching.stopping-ublituximab is reported
    And the finding ublituximab.switching.stopping-ublituximab says "B-cell repletion"
