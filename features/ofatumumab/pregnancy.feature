@pregnancy
Feature: Ofatumumab in pregnancy and breastfeeding (US 8 and EU 4.6 NOT read; Hong Kong label)

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: A pregnant patient: the start is held
    Given a female RRMS patient aged 30
    And reproductive.pregnant is true
    When the patient is assessed for ofatumumab
    Then the verdict is deferred
    And the finding ofatumumab.pregnancy.pregnant says "B-cell recovery"
    And the finding ofatumumab.pregnancy.pregnant is marked uncertain with "NOT read"
    And the finding ofatumumab.pregnancy.contraception is not reported

  Scenario: A woman who could become pregnant is told about contraception for 6 months
    Given a female RRMS patient aged 30
    And reproductive.pregnant is false
    When the patient is assessed for ofatumumab under the EU label
    Then the finding ofatumumab.pregnancy.contraception says "6 months"
    And the finding ofatumumab.pregnancy.contraception cites kesimpta-hk-pi section pregnancy

  Scenario: Breastfeeding
    Given a female RRMS patient aged 30
    And reproductive.breastfeeding is true
    When the patient is assessed for ofatumumab
    Then the finding ofatumumab.pregnancy.breastfeeding says "not been studied"

  Scenario: A man gets no pregnancy or breastfeeding finding
    Given a male RRMS patient aged 30
    When the patient is assessed for ofatumumab
    Then no pregnancy finding is reported
    And reproductive.pregnant is not reported missing
