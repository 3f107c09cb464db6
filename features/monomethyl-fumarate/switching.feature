@switching
Feature: Switching to monomethyl fumarate (US section 4: never with another fumarate)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 36
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.3

  Scenario: Switching in from diroximel fumarate stopped last week
    Given an earlier treatment with diroximel-fumarate stopped 1 week before the assessment date for intolerance
    When the patient is assessed for monomethyl-fumarate
    Then the finding monomethyl-fumarate.switching.from-other-fumarate has verdict eligible_with_precautions

  Scenario: Switching in from a drug of another class is not a fumarate switch
    Given the current treatment is glatiramer-acetate
    When the patient is assessed for monomethyl-fumarate
    Then the finding monomethyl-fumarate.switching.from-other-fumarate is not reported
