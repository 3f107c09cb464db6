@eligibility
Feature: Who ofatumumab is labelled for (US section 1 of 08/2025; EU SmPC 4.1 of 2021)

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false
    And history.hypersensitivity_to is []

  Scenario: An adult with RRMS ready to start is eligible in the US
    Given a female RRMS patient aged 34
    And reproductive.pregnant is false
    And reproductive.breastfeeding is false
    And infection.pml_suspected is false
    And infection.pml_confirmed is false
    When the patient is assessed for ofatumumab
    Then the verdict is eligible
    And the finding ofatumumab.eligibility.relapsing-adult cites kesimpta-uspi-2025-08 section 1
    And the finding ofatumumab.eligibility.relapsing-adult is not marked uncertain
    And the finding ofatumumab.schedule.dosing says "weeks 0, 1 and 2"
    And nothing is reported missing

  Scenario Outline: US phenotypes
    Given a <phenotype> patient aged <age>
    And diagnosis.active_disease is <active>
    When the patient is assessed for ofatumumab
    Then the verdict is <verdict>
    And the finding <rule> has verdict <verdict>

    Examples:
      | phenotype | age | active | verdict       | rule                                        |
      | CIS       | 30  | false  | eligible      | ofatumumab.eligibility.relapsing-adult      |
      | SPMS      | 50  | true   | eligible      | ofatumumab.eligibility.active-spms-adult    |
      | SPMS      | 50  | false  | not_indicated | ofatumumab.eligibility.non-active-spms      |
      | PPMS      | 45  | true   | not_indicated | ofatumumab.eligibility.ppms                 |
      | RRMS      | 16  | true   | not_indicated | ofatumumab.eligibility.under-18             |

  Scenario: SPMS with unknown activity asks for it (US)
    Given a SPMS patient aged 50
    When the patient is assessed for ofatumumab
    Then the verdict is workup_required
    And the finding ofatumumab.eligibility.active-spms-adult is undecided
    And diagnosis.active_disease is reported missing, asked by ofatumumab.eligibility.active-spms-adult

  Scenario: Non-active RRMS is indicated in the US but not in the EU
    Given a male RRMS patient aged 40
    And diagnosis.active_disease is false
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is not_indicated
    And the finding ofatumumab.eligibility.eu-relapsing-not-active is reported
    And the finding ofatumumab.eligibility.relapsing-adult is not reported

  Scenario: Active RRMS in an adult is indicated in the EU
    Given a male RRMS patient aged 40
    And diagnosis.active_disease is true
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is eligible
    And the finding ofatumumab.eligibility.eu-relapsing-active cites kesimpta-smpc-eu-2021 section 4.1
    And the finding ofatumumab.eligibility.eu-relapsing-active is marked uncertain with "current EMA"

  Scenario: EU with unknown activity asks for it
    Given a male RRMS patient aged 40
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is workup_required
    And the finding ofatumumab.eligibility.eu-relapsing-active is undecided
    And diagnosis.active_disease is reported missing

  Scenario: CIS is not named by the EU indication
    Given a male CIS patient aged 28
    And diagnosis.active_disease is true
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is not_indicated
    And the finding ofatumumab.eligibility.eu-cis-not-named has verdict info
    And the notes mention "not shown as indicated"

  Scenario: Under 18 is not indicated in the EU
    Given a male RRMS patient aged 16
    And diagnosis.active_disease is true
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is not_indicated
    And the finding ofatumumab.eligibility.eu-under-18 says "have not yet been established"

  Scenario: On ofatumumab without recent activity, continuing is not "not indicated"
    Given a male RRMS patient aged 40
    And diagnosis.active_disease is false
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: ofatumumab, started: 2025-01-06}
        courses:
          - {drug: ofatumumab, formulation: SC, doses: [2025-01-06, 2025-01-13, 2025-01-20, 2025-02-03, 2026-11-03]}
      """
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is eligible
    And the finding ofatumumab.eligibility.continuing-on-treatment applies
    And the finding ofatumumab.eligibility.eu-relapsing-not-active is not reported

  Scenario: CIS on ofatumumab in the EU is not shown as continuing (the EU indication does not name CIS)
    Given a male CIS patient aged 40
    And diagnosis.active_disease is false
    And a patient profile in YAML:
      """
      treatment:
        current: {drug: ofatumumab, started: 2025-01-06}
        courses:
          - {drug: ofatumumab, formulation: SC, doses: [2025-01-06, 2025-01-13, 2025-01-20, 2025-02-03, 2026-11-03]}
      """
    When the patient is assessed for ofatumumab under the EU label
    Then the verdict is not_indicated
    And the finding ofatumumab.eligibility.continuing-on-treatment is not reported
    And the finding ofatumumab.eligibility.eu-cis-not-named is reported
