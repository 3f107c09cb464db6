@contraindications
Feature: Rituximab: recorded facts that could be contraindications (US 4 and EU 4.3 NOT read)

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: Hypersensitivity to rituximab holds every dose
    Given history.hypersensitivity_to is [rituximab]
    When the patient is assessed for rituximab
    Then the finding rituximab.contraindication.hypersensitivity-check-label has verdict deferred
    And the finding rituximab.contraindication.hypersensitivity-check-label is marked uncertain with "NOT read"
    And the schedule has "off-label: no labelled MS dose or schedule" on hold

  Scenario: Severe immunocompromise asks to check the label
    Given history.severely_immunocompromised is true
    When the patient is assessed for rituximab under the EU label
    Then the finding rituximab.workup.immunocompromised-check-label has verdict workup_required

  Scenario: Active malignancy asks to check the label with the oncology team
    Given history.malignancy_active is true
    When the patient is assessed for rituximab
    Then the finding rituximab.workup.malignancy-check-label says "oncology"
