@administration
Feature: Taking diroximel fumarate: infections, food and alcohol, renal impairment (US 2.2-2.3, 8.6; EU 4.2)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 38
    And the screening results are complete and normal
    And labs.lymphocytes_10e9_per_l is 1.4

  Scenario: An active infection asks to consider withholding
    Given infection.active is true
    When the patient is assessed for diroximel-fumarate
    Then the verdict is eligible_with_precautions
    And the finding diroximel-fumarate.administration.serious-infection applies

  Scenario: An unrecorded infection status needs work-up
    Given infection.active is unknown
    When the patient is assessed for diroximel-fumarate
    Then the finding diroximel-fumarate.administration.serious-infection is undecided
    And infection.active is reported missing
    And the verdict is workup_required

  Scenario: Flushing and GI advice at the start
    When the patient is assessed for diroximel-fumarate
    Then the finding diroximel-fumarate.administration.flushing-food-alcohol says "700 calories"
    And the finding diroximel-fumarate.administration.flushing-food-alcohol says "alcohol"

  Scenario: Moderate renal impairment: US "not recommended" (secondary), EU no dose change
    Given history.renal_impairment is moderate
    When the patient is assessed for diroximel-fumarate
    Then the verdict is eligible_with_precautions
    And the finding diroximel-fumarate.administration.renal-impairment-us is marked uncertain with "NOT read"
    And the finding diroximel-fumarate.administration.renal-impairment-eu is not reported
    When the patient is assessed for diroximel-fumarate under the EU label
    Then the finding diroximel-fumarate.administration.renal-impairment-eu says "no dose adjustment"
    And the finding diroximel-fumarate.administration.renal-impairment-us is not reported
    And the verdict is eligible

  Scenario: Mild renal impairment fires neither renal finding
    Given history.renal_impairment is mild
    When the patient is assessed for diroximel-fumarate
    Then the finding diroximel-fumarate.administration.renal-impairment-us is not reported
    And the verdict is eligible
