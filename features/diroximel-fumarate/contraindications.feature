@contraindications
Feature: Diroximel fumarate contraindications and PML stop signals (US 4 via the manufacturer; class PML wording)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 38
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.4

  Scenario: Known hypersensitivity to diroximel fumarate is a contraindication
    Given history.hypersensitivity_to is [diroximel-fumarate]
    When the patient is assessed for diroximel-fumarate
    Then the verdict is contraindicated
    And the finding diroximel-fumarate.contraindication.hypersensitivity cites vumerity-uspi-2023-12 section 4

  Scenario: Hypersensitivity to another drug is not a contraindication
    Given history.hypersensitivity_to is [ocrelizumab]
    When the patient is assessed for diroximel-fumarate
    Then the finding diroximel-fumarate.contraindication.hypersensitivity is not reported
    And the verdict is eligible

  Scenario: Confirmed PML is a contraindication in both jurisdictions
    Given infection.pml_confirmed is true
    When the patient is assessed for diroximel-fumarate
    Then the verdict is contraindicated
    And the finding diroximel-fumarate.contraindication.pml-confirmed applies
    When the patient is assessed for diroximel-fumarate under the EU label
    Then the finding diroximel-fumarate.contraindication.pml-confirmed has verdict contraindicated

  Scenario: Signs suggestive of PML hold diroximel fumarate
    Given infection.pml_suspected is true
    When the patient is assessed for diroximel-fumarate
    Then the verdict is deferred
    And the finding diroximel-fumarate.administration.pml-suspected says "withhold"

  Scenario: Current dimethyl fumarate: contraindicated together, so stop it first
    Given the current treatment is dimethyl-fumarate
    When the patient is assessed for diroximel-fumarate
    Then no contraindication finding is reported
    And the finding diroximel-fumarate.switching.from-dimethyl-fumarate has verdict eligible_with_precautions
    And the finding diroximel-fumarate.switching.from-dimethyl-fumarate says "contraindicated in patients currently taking dimethyl fumarate"
    And the verdict is eligible_with_precautions
