@administration
Feature: Rituximab infusions (US boxed warning read; EU 4.2/4.4 NOT read)

  Background:
    Given the assessment date is 2026-11-22
    And a male RRMS patient aged 40
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: The boxed-warning infusion reactions and the 24-hour window are explained
    When the patient is assessed for rituximab under the EU label
    Then the finding rituximab.administration.infusion-reactions says "80%"
    And the finding rituximab.administration.infusion-reactions cites truxima-uspi-openfda-2026-06 section BW
    And the finding rituximab.administration.observation-24-hours says "24 hours"

  Scenario: An active infection holds the dose
    Given infection.active is true
    When the patient is assessed for rituximab
    Then the finding rituximab.administration.active-infection has verdict deferred
    And the finding rituximab.administration.active-infection says "severe, active infections"

  Scenario: Infection status unknown is asked for
    Given infection.active is unknown
    When the patient is assessed for rituximab
    Then the finding rituximab.administration.active-infection is undecided
    And infection.active is reported missing

  Scenario: Suspected PML holds the dose
    Given infection.pml_suspected is true
    When the patient is assessed for rituximab
    Then the finding rituximab.administration.pml has verdict deferred
    And the finding rituximab.administration.pml applies
