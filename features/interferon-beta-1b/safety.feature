@safety
Feature: Interferon beta-1b contraindications, work-up, precautions and monitoring

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

  Scenario: A recorded hypersensitivity to interferon beta-1b contraindicates it
    Given history.hypersensitivity_to is [interferon-beta-1b]
    When the patient is assessed for interferon-beta-1b
    Then the verdict is contraindicated
    And the finding interferon-beta-1b.contraindication.hypersensitivity has verdict contraindicated

  Scenario: Earlier doses with an unrecorded hypersensitivity history need it recorded
    Given history.hypersensitivity_to is unknown
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: interferon-beta-1b, started: 2026-05-01}
        courses:
          - drug: interferon-beta-1b
            formulation: SC
            doses: [2026-05-01]
      """
    When the patient is assessed for interferon-beta-1b
    Then the verdict is workup_required
    And the finding interferon-beta-1b.contraindication.hypersensitivity is undecided

  Scenario: EU: depression in the history asks whether it is current and severe
    Given history.depression_or_suicidal_ideation is true
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is workup_required
    And the finding interferon-beta-1b.contraindication.severe-depression-eu says "current and severe"
    And the finding interferon-beta-1b.administration.depression-caution-us is not reported

  Scenario: EU: an unrecorded depression history is asked for, not assumed absent
    Given history.depression_or_suicidal_ideation is unknown
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is workup_required
    And history.depression_or_suicidal_ideation is reported missing

  Scenario: US: depression in the history is a precaution
    Given history.depression_or_suicidal_ideation is true
    When the patient is assessed for interferon-beta-1b
    Then the verdict is eligible_with_precautions
    And the finding interferon-beta-1b.administration.depression-caution-us has verdict eligible_with_precautions
    And the finding interferon-beta-1b.contraindication.severe-depression-eu is not reported

  Scenario: EU: severe hepatic impairment contraindicates it
    Given history.hepatic_impairment is severe
    When the patient is assessed for interferon-beta-1b under the EU label
    Then the verdict is contraindicated
    And the finding interferon-beta-1b.contraindication.decompensated-liver-eu is reported

  Scenario Outline: A baseline test never done is asked for before the first dose
    Given <field> is unknown
    When the patient is assessed for interferon-beta-1b
    Then the verdict is workup_required
    And the finding interferon-beta-1b.workup.baseline-labs has verdict workup_required

    Examples:
      | field                      |
      | screening.liver_tests      |
      | screening.cbc_date         |
      | screening.thyroid_function |

  Scenario: Abnormal liver tests are a precaution
    Given screening.liver_tests is abnormal
    When the patient is assessed for interferon-beta-1b
    Then the verdict is eligible_with_precautions
    And the finding interferon-beta-1b.workup.liver-tests-abnormal is reported

  Scenario: Injection and monitoring information for a new patient
    When the patient is assessed for interferon-beta-1b
    Then the finding interferon-beta-1b.administration.self-injection-sc has verdict info
    And the finding interferon-beta-1b.monitoring.liver-and-blood-counts says "1, 3 and 6 months"
