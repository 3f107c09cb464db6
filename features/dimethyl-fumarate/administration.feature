@administration
Feature: Taking dimethyl fumarate: infections, flushing and GI effects (US 2.1, 5.3)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 38
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.4

  Scenario: An active infection asks to consider withholding
    Given infection.active is true
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is eligible_with_precautions
    And the finding dimethyl-fumarate.administration.serious-infection applies

  Scenario: An unrecorded infection status needs work-up
    Given infection.active is unknown
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.administration.serious-infection is undecided
    And infection.active is reported missing
    And the verdict is workup_required

  Scenario: Flushing and GI advice at the start
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.administration.flushing-and-gi says "aspirin"
    And the finding dimethyl-fumarate.administration.flushing-and-gi says "within 4 weeks"
