@pregnancy
Feature: Ublituximab in pregnancy (US 8 and EU 4.6 NOT read; US compendium 6 months, Swiss label 4 months)

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: A pregnant patient: the start is held
    Given a female RRMS patient aged 30
    And reproductive.pregnant is true
    When the patient is assessed for ublituximab
    Then the verdict is deferred
    And the finding ublituximab.pregnancy.pregnant is marked uncertain with "Swiss label only"

  Scenario: US contraception: 6 months
    Given a female RRMS patient aged 30
    And reproductive.pregnant is false
    When the patient is assessed for ublituximab
    Then the finding ublituximab.pregnancy.contraception says "6 months"
    And the finding ublituximab.pregnancy.eu-contraception is not reported

  Scenario: EU contraception: at least 4 months, marked as not read in EU text
    Given a female RRMS patient aged 30
    And reproductive.pregnant is false
    When the patient is assessed for ublituximab under the EU label
    Then the finding ublituximab.pregnancy.eu-contraception says "4 months"
    And the finding ublituximab.pregnancy.eu-contraception is marked uncertain with "EU 4.6 NOT read"
    And the finding ublituximab.pregnancy.contraception is not reported

  Scenario: A man gets no pregnancy finding
    Given a male RRMS patient aged 30
    When the patient is assessed for ublituximab
    Then no pregnancy finding is reported
    And reproductive.pregnant is not reported missing
