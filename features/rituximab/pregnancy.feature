@pregnancy
Feature: Rituximab in pregnancy (US 8 and EU 4.6 NOT read; Truxima label read)

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal

  Scenario: Pregnant: no dose until decided
    Given a female RRMS patient aged 30
    And reproductive.pregnant is true
    When the patient is assessed for rituximab
    Then the finding rituximab.pregnancy.pregnant has verdict deferred
    And the finding rituximab.pregnancy.pregnant says "possible benefit outweighs the potential risk"

  Scenario: Contraception for up to 12 months
    Given a female RRMS patient aged 30
    And reproductive.pregnant is false
    When the patient is assessed for rituximab
    Then the finding rituximab.pregnancy.contraception says "12 months"
    And the finding rituximab.pregnancy.contraception is marked uncertain with "NOT read"

  Scenario: Breastfeeding
    Given a female RRMS patient aged 30
    And reproductive.breastfeeding is true
    When the patient is assessed for rituximab
    Then the finding rituximab.pregnancy.breastfeeding says "nursing mothers"

  Scenario: A man gets no pregnancy finding
    Given a male RRMS patient aged 30
    When the patient is assessed for rituximab
    Then no pregnancy finding is reported
