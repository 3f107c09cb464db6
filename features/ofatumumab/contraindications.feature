@contraindications
Feature: Ofatumumab contraindications (US 2.1 HBV wording, section 4 not read; EU SmPC 4.3 of 2021)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And diagnosis.active_disease is true
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario Outline: Active hepatitis B is a contraindication in both jurisdictions
    Given screening.hbsag is positive
    And screening.hbv_active is true
    When the patient is assessed for ofatumumab under the <jurisdiction> label
    Then the verdict is contraindicated
    And the finding ofatumumab.contraindication.active-hbv applies
    And the finding ofatumumab.contraindication.active-hbv cites kesimpta-uspi-2025-08 section 2.1
    And the schedule has "20 mg SC at week 0 (dose 1)" on hold by ofatumumab.contraindication.active-hbv

    Examples:
      | jurisdiction |
      | US           |
      | EU           |

  Scenario: The EU contraindication of hepatitis B is marked as read only in the US text
    Given screening.hbsag is positive
    And screening.hbv_active is true
    When the patient is assessed for ofatumumab under the EU label
    Then the finding ofatumumab.contraindication.active-hbv is marked uncertain with "4.4 hepatitis B paragraph was NOT read"

  Scenario: Hypersensitivity is an EU contraindication
    Given history.hypersensitivity_to is [ofatumumab]
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is contraindicated
    And the finding ofatumumab.contraindication.eu-hypersensitivity cites kesimpta-smpc-eu-2021 section 4.3
    And the finding ofatumumab.contraindication.us-hypersensitivity-check-label is not reported

  Scenario: Hypersensitivity in the US holds until section 4 is checked
    Given history.hypersensitivity_to is [ofatumumab]
    When the patient is assessed for ofatumumab
    Then the verdict is deferred
    And the finding ofatumumab.contraindication.us-hypersensitivity-check-label says "section 4"
    And the finding ofatumumab.contraindication.us-hypersensitivity-check-label is marked uncertain with "NOT read"

  Scenario: Severe immunocompromise: EU contraindication, US check of the label
    Given history.severely_immunocompromised is true
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is contraindicated
    And the finding ofatumumab.contraindication.eu-severely-immunocompromised applies

  Scenario: Severe immunocompromise in the US asks to check the label
    Given history.severely_immunocompromised is true
    When the patient is assessed for ofatumumab
    Then the verdict is workup_required
    And the finding ofatumumab.workup.us-immunocompromised-check-label applies
    And the finding ofatumumab.contraindication.eu-severely-immunocompromised is not reported

  Scenario: EU immune status unknown is asked for, not assumed normal
    Given history.severely_immunocompromised is unknown
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is workup_required
    And the finding ofatumumab.contraindication.eu-severely-immunocompromised is undecided
    And history.severely_immunocompromised is reported missing

  Scenario: Active malignancy: EU contraindication
    Given history.malignancy_active is true
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is contraindicated
    And the finding ofatumumab.contraindication.eu-active-malignancy applies

  Scenario: Active malignancy in the US asks to check the label
    Given history.malignancy_active is true
    When the patient is assessed for ofatumumab
    Then the verdict is workup_required
    And the finding ofatumumab.workup.us-malignancy-check-label applies

  Scenario: EU malignancy status unknown is asked for
    Given history.malignancy_active is unknown
    When the patient is assessed for ofatumumab under the EU label
    Then the finding ofatumumab.contraindication.eu-active-malignancy is undecided
    And history.malignancy_active is reported missing
