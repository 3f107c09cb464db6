@switching
Feature: Switching to and from diroximel fumarate

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 36
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.3

  Scenario: Switching in from dimethyl fumarate: start the day after stopping it
    Given the current treatment is dimethyl-fumarate
    When the patient is assessed for diroximel-fumarate
    Then the finding diroximel-fumarate.switching.from-dimethyl-fumarate says "the day after"
    And the finding diroximel-fumarate.switching.from-dimethyl-fumarate cites vumerity-hcp-us section switching

  Scenario: Switching in from monomethyl fumarate: never both together
    Given an earlier treatment with monomethyl-fumarate stopped 2 days before the assessment date for intolerance
    When the patient is assessed for diroximel-fumarate
    Then the finding diroximel-fumarate.switching.from-monomethyl-fumarate has verdict eligible_with_precautions
    And the verdict is eligible_with_precautions

  Scenario: Switching from diroximel fumarate to another drug shows what is known about stopping it
    Given the current treatment is diroximel-fumarate
    And treatment.current.started is 2 years before the assessment date
    When the patient is assessed for dimethyl-fumarate
    Then the finding diroximel-fumarate.switching.stopping-diroximel-fumarate says "no accelerated elimination"

  Scenario: The stopping finding is not shown in diroximel fumarate's own assessment
    Given the current treatment is diroximel-fumarate
    And treatment.current.started is 2 years before the assessment date
    When the patient is assessed for diroximel-fumarate
    Then the finding diroximel-fumarate.switching.stopping-diroximel-fumarate is not reported
