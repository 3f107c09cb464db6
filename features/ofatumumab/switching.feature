@switching
Feature: Switching to and from ofatumumab

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
    And diagnosis.active_disease is true
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: Switching in from fingolimod: additive immunosuppression is considered
    Given the current treatment is fingolimod
    And treatment.current.last_dose is 2 weeks before the assessment date
    When the patient is assessed for ofatumumab
    Then the finding ofatumumab.switching.after-immunosuppressive-therapy has verdict eligible_with_precautions
    And the finding ofatumumab.switching.after-immunosuppressive-therapy says "increased immunosuppressive effects"
    And the finding ofatumumab.switching.stopping-ofatumumab is not reported

  Scenario: Switching in from an interferon is not flagged
    Given the current treatment is interferon-beta-1a
    When the patient is assessed for ofatumumab
    Then the finding ofatumumab.switching.after-immunosuppressive-therapy is not reported

  Scenario: Switching from ofatumumab to another drug shows what the ofatumumab label says about stopping
    Given the current treatment is ofatumumab
    And a patient profile in YAML:
      """
      treatment:
        courses:
          - {drug: ofatumumab, formulation: SC, doses: [2026-09-01, 2026-09-08, 2026-09-15, 2026-09-29, 2026-10-29]}
      """
    When the patient is assessed for ublituximab
    Then the finding ofatumumab.switching.stopping-ofatumumab is reported
    And the finding ofatumumab.switching.stopping-ofatumumab says "B-cell repletion"
