@pregnancy
Feature: Interferon beta-1a in pregnancy and breastfeeding (label sections not read: check them)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile:
      | field                                   | value          |
      | screening.cbc_date                      | 2 weeks before |
      | screening.thyroid_function              | normal         |
      | history.depression_or_suicidal_ideation | false          |
      | history.seizures                        | false          |
      | history.hepatic_impairment              | none           |
      | history.hypersensitivity_to             | []             |
      | reproductive.pregnant                   | false          |
      | reproductive.breastfeeding              | false          |
      | activity.relapses_past_12_months        | 2              |

  Scenario: Pregnancy holds the start until the clinician has checked the current label
    Given reproductive.pregnant is true
    When the patient is assessed for interferon-beta-1a
    Then the verdict is deferred
    And the finding interferon-beta-1a.pregnancy.pregnant-check-label is marked uncertain

  Scenario: Breastfeeding is information
    Given reproductive.breastfeeding is true
    When the patient is assessed for interferon-beta-1a under the EU label
    Then the verdict is eligible
    And the finding interferon-beta-1a.pregnancy.breastfeeding-check-label has verdict info

  Scenario: A man gets no pregnancy finding
    Given patient.sex is male
    And reproductive.pregnant is unknown
    And reproductive.breastfeeding is unknown
    When the patient is assessed for interferon-beta-1a
    Then no pregnancy finding is reported
    And the verdict is eligible
