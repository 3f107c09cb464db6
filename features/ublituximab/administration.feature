@administration
Feature: Ublituximab infusions (US 2.2 start; EU SmPC 4.2 and 4.4 start, 2023)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And diagnosis.active_disease is true
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: A new patient: premedication, observation after the first two infusions, reactions, live vaccines
    When the patient is assessed for ublituximab
    Then the findings include:
      | rule_id                                                     | verdict |
      | ublituximab.administration.premedication                    | info    |
      | ublituximab.administration.observation-first-two-infusions  | info    |
      | ublituximab.administration.infusion-reaction-management     | info    |
      | ublituximab.administration.no-live-vaccines-on-treatment    | info    |
    And the finding ublituximab.administration.premedication says "methylprednisolone"
    And the finding ublituximab.administration.observation-first-two-infusions says "at least one hour"
    And the finding ublituximab.administration.infusion-reaction-management says "permanently"

  Scenario: After two infusions the observation finding is no longer shown
    Given a patient profile in YAML:
      """
      treatment:
        current: {drug: ublituximab, started: 2026-06-01}
        courses:
          - {drug: ublituximab, formulation: IV, doses: [2026-06-01, 2026-06-15]}
      """
    When the patient is assessed for ublituximab
    Then the finding ublituximab.administration.observation-first-two-infusions is not reported
    And the finding ublituximab.administration.premedication is reported

  Scenario Outline: An active infection delays the infusion in both jurisdictions
    Given infection.active is true
    When the patient is assessed for ublituximab under the <jurisdiction> label
    Then the verdict is deferred
    And the finding ublituximab.administration.active-infection applies
    And the finding ublituximab.administration.active-infection cites briumvi-uspi-2025-08 section 2.2

    Examples:
      | jurisdiction |
      | US           |
      | EU           |

  Scenario: Infection status unknown is asked for before every infusion
    Given infection.active is unknown
    When the patient is assessed for ublituximab
    Then the verdict is workup_required
    And the finding ublituximab.administration.active-infection is undecided
    And infection.active is reported missing

  Scenario: Suspected PML holds every infusion
    Given infection.pml_suspected is true
    When the patient is assessed for ublituximab
    Then the verdict is deferred
    And the finding ublituximab.administration.pml-suspected is marked uncertain with "precaution"
