@switching
Feature: Switching to and from rituximab (no label covers MS switching)

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
    And diagnosis.active_disease is true
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: Switching in from dimethyl fumarate
    Given the current treatment is dimethyl-fumarate
    When the patient is assessed for rituximab
    Then the finding rituximab.switching.from-other-dmt has verdict info

  Scenario: Switching from rituximab to ofatumumab shows the HBV monitoring after stopping
    Given an earlier treatment with rituximab stopped 8 months before the assessment date for other
    When the patient is assessed for ofatumumab
    Then the finding rituximab.switching.stopping-rituximab is reported
    And the finding rituximab.switching.stopping-rituximab says "hepatitis B"
