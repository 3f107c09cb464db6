@switching
Feature: Switching to and from dimethyl fumarate

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 36
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.3

  Scenario: Switching in from monomethyl fumarate: stop it when dimethyl fumarate starts
    Given the current treatment is monomethyl-fumarate
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.switching.from-other-fumarate is reported
    And the verdict is eligible

  Scenario: Switching from dimethyl fumarate to another drug shows what its label says about stopping
    Given the current treatment is dimethyl-fumarate
    And treatment.current.started is 2 years before the assessment date
    When the patient is assessed for diroximel-fumarate
    Then the finding dimethyl-fumarate.switching.stopping-dimethyl-fumarate says "no accelerated elimination"

  Scenario: The stopping finding is not shown in dimethyl fumarate's own assessment
    Given the current treatment is dimethyl-fumarate
    And treatment.current.started is 2 years before the assessment date
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.switching.stopping-dimethyl-fumarate is not reported
