@contraindications
Feature: Dimethyl fumarate contraindications and PML stop signals (US 4, 5.1, 5.2)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 38
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.4

  Scenario: Known hypersensitivity to dimethyl fumarate is a contraindication
    Given history.hypersensitivity_to is [dimethyl-fumarate]
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is contraindicated
    And the finding dimethyl-fumarate.contraindication.hypersensitivity cites tecfidera-uspi-2023-12 section 4

  Scenario: Hypersensitivity to another drug is not a contraindication
    Given history.hypersensitivity_to is [ocrelizumab]
    When the patient is assessed for dimethyl-fumarate
    Then the finding dimethyl-fumarate.contraindication.hypersensitivity is not reported
    And the verdict is eligible

  Scenario: Confirmed PML is a contraindication in both jurisdictions
    Given infection.pml_confirmed is true
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is contraindicated
    And the finding dimethyl-fumarate.contraindication.pml-confirmed applies
    When the patient is assessed for dimethyl-fumarate under the EU label
    Then the finding dimethyl-fumarate.contraindication.pml-confirmed has verdict contraindicated

  Scenario: Signs suggestive of PML hold dimethyl fumarate
    Given infection.pml_suspected is true
    When the patient is assessed for dimethyl-fumarate
    Then the verdict is deferred
    And the finding dimethyl-fumarate.administration.pml-suspected says "withhold"

  Scenario: Co-administration with another fumarate is not a Tecfidera US contraindication
    Given the current treatment is diroximel-fumarate
    When the patient is assessed for dimethyl-fumarate
    Then no contraindication finding is reported
    And the finding dimethyl-fumarate.switching.from-other-fumarate says "list only hypersensitivity"
