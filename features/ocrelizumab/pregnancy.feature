@pregnancy
Feature: Pregnancy, contraception and lactation counselling (US label section 8, not read in primary text)

  Background:
    Given the assessment date is 2026-11-22
    And a RRMS patient aged 31
    And the screening results are complete and normal

  Scenario: A woman of reproductive age is counselled on contraception
    Given patient.sex is female
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible
    And the finding ocrelizumab.pregnancy.contraception-counselling says "6 months"

  Scenario: A man is not given contraception counselling by default
    Given patient.sex is male
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.pregnancy.contraception-counselling is not reported

  Scenario: Pregnancy holds treatment until benefit and risk are weighed
    Given patient.sex is female
    And reproductive.pregnant is true
    When the patient is assessed for ocrelizumab
    Then the verdict is deferred
    And the finding ocrelizumab.pregnancy.pregnant is reported
    And the finding ocrelizumab.pregnancy.contraception-counselling is not reported

  Scenario: Breastfeeding is discussed
    Given patient.sex is female
    And reproductive.breastfeeding is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.pregnancy.breastfeeding has verdict info

  Scenario: The patient report informs and never instructs
    Given patient.sex is female
    And reproductive.pregnant is true
    When the patient report for ocrelizumab is printed
    Then the patient report contains "decisions about treatment are made together with your care team"
    And the patient report does not contain "ocrevus-uspi"

  Scenario: Planning a pregnancy on ocrelizumab: timing of the last dose (ABN, labels)
    Given patient.sex is female
    And IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    And the current treatment is ocrelizumab
    And reproductive.planning_pregnancy is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.pregnancy.planning-on-ocrelizumab says "3 months after the last infusion"
    And the finding ocrelizumab.pregnancy.planning-on-ocrelizumab is marked uncertain with "not read"

  Scenario: Planning a pregnancy before starting gets no timing note (near miss)
    Given patient.sex is female
    And reproductive.planning_pregnancy is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.pregnancy.planning-on-ocrelizumab is not reported
