@administration
Feature: Giving ofatumumab (active infection, first injection, injection reactions, live vaccines, PML)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And diagnosis.active_disease is true
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: A new patient: first injection supervised, reactions and live vaccines explained
    When the patient is assessed for ofatumumab
    Then the findings include:
      | rule_id                                                  | verdict |
      | ofatumumab.administration.first-injection-supervised     | info    |
      | ofatumumab.administration.injection-reactions            | info    |
      | ofatumumab.administration.no-live-vaccines-on-treatment  | info    |
    And the finding ofatumumab.administration.first-injection-supervised says "healthcare professional"
    And the finding ofatumumab.administration.injection-reactions says "premedication is not required"

  Scenario Outline: An active infection delays the dose in both jurisdictions
    Given infection.active is true
    When the patient is assessed for ofatumumab under the <jurisdiction> label
    Then the verdict is deferred
    And the finding ofatumumab.administration.active-infection applies

    Examples:
      | jurisdiction |
      | US           |
      | EU           |

  Scenario: Infection status unknown is asked for
    Given infection.active is unknown
    When the patient is assessed for ofatumumab
    Then the verdict is workup_required
    And the finding ofatumumab.administration.active-infection is undecided

  Scenario: Suspected PML holds every dose
    Given infection.pml_suspected is true
    When the patient is assessed for ofatumumab
    Then the verdict is deferred
    And the finding ofatumumab.administration.pml-suspected is marked uncertain with "precaution"

  Scenario: On treatment, an active infection puts the next monthly dose on hold
    Given infection.active is true
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: ofatumumab, started: 2026-09-01}
        courses:
          - {drug: ofatumumab, formulation: SC, doses: [2026-09-01, 2026-09-08, 2026-09-15, 2026-09-29, 2026-10-29]}
      """
    When the patient is assessed for ofatumumab
    Then the schedule has "next dose: 20 mg SC monthly" on hold by ofatumumab.administration.active-infection
    And no dose is shown as due
    And the finding ofatumumab.administration.first-injection-supervised is not reported
