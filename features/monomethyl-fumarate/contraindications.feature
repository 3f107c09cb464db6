@contraindications
Feature: Monomethyl fumarate contraindications and PML stop signals (US 4, 5.1, 5.2)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 38
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.4

  Scenario: Known hypersensitivity to monomethyl fumarate is a contraindication
    Given history.hypersensitivity_to is [monomethyl-fumarate]
    When the patient is assessed for monomethyl-fumarate
    Then the verdict is contraindicated
    And the finding monomethyl-fumarate.contraindication.hypersensitivity cites bafiertam-uspi-hl section 4

  Scenario: Hypersensitivity to another drug is not a contraindication
    Given history.hypersensitivity_to is [ocrelizumab]
    When the patient is assessed for monomethyl-fumarate
    Then the finding monomethyl-fumarate.contraindication.hypersensitivity is not reported
    And the verdict is eligible

  Scenario: Confirmed PML is a contraindication in both jurisdictions
    Given infection.pml_confirmed is true
    When the patient is assessed for monomethyl-fumarate
    Then the verdict is contraindicated
    And the finding monomethyl-fumarate.contraindication.pml-confirmed applies
    When the patient is assessed for monomethyl-fumarate under the EU label
    Then the finding monomethyl-fumarate.contraindication.pml-confirmed has verdict contraindicated

  Scenario: Signs suggestive of PML hold monomethyl fumarate
    Given infection.pml_suspected is true
    When the patient is assessed for monomethyl-fumarate
    Then the verdict is deferred
    And the finding monomethyl-fumarate.administration.pml-suspected says "withhold"

  Scenario Outline: Co-administration with another fumarate is contraindicated: stop it first
    Given the current treatment is <drug>
    When the patient is assessed for monomethyl-fumarate
    Then the finding monomethyl-fumarate.switching.from-other-fumarate says "co-administration with either is contraindicated"
    And the finding monomethyl-fumarate.switching.from-other-fumarate cites bafiertam-uspi-hl section 4
    And the verdict is eligible_with_precautions

    Examples:
      | drug               |
      | dimethyl-fumarate  |
      | diroximel-fumarate |
