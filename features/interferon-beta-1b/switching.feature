@switching
Feature: Switching to and from interferon beta-1b (no washout found in the sections read)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile:
      | field                                   | value          |
      | screening.cbc_date                      | 2 weeks before |
      | screening.thyroid_function              | normal         |
      | history.depression_or_suicidal_ideation | false          |
      | history.hepatic_impairment              | none           |
      | history.hypersensitivity_to             | []             |
      | reproductive.pregnant                   | false          |

  Scenario: Switching in from another DMT defers to that drug's label
    Given the current treatment is dimethyl-fumarate
    When the patient is assessed for interferon-beta-1b
    Then the finding interferon-beta-1b.switching.from-other-dmt is reported
    And the finding interferon-beta-1b.switching.from-other-dmt is marked uncertain

  Scenario: A new patient gets no switching finding
    When the patient is assessed for interferon-beta-1b
    Then the finding interferon-beta-1b.switching.from-other-dmt is not reported

  Scenario: Stopping interferon beta-1b for another drug shows this label's switch-out finding
    Given the current treatment is interferon-beta-1b
    When the patient is assessed for glatiramer-acetate
    Then the finding interferon-beta-1b.switching.stopping-interferon-beta-1b is reported
