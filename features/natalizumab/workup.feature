@workup
Feature: Work-up before natalizumab (boxed warning PML risk factors; baseline MRI; infections)

  Background:
    Given the assessment date is 2026-11-22
    And a female RRMS patient aged 34
    And the screening results are complete and normal
    And a patient profile in YAML:
      """
      infection: {pml_suspected: false, pml_confirmed: false, serious_recurrent: false}
      history: {severely_immunocompromised: false, malignancy_active: false, hypersensitivity_to: []}
      medications: {current: []}
      labs: {jcv_antibody: negative}
      reproductive: {pregnant: false, breastfeeding: false}
      """

  Scenario: Anti-JCV antibody status never tested: workup required, naming the field
    Given labs.jcv_antibody is unknown
    When the patient is assessed for natalizumab
    Then the verdict is workup_required
    And the finding natalizumab.workup.jcv-antibody applies
    And the finding natalizumab.workup.jcv-antibody says "labs.jcv_antibody"
    And the finding natalizumab.workup.jcv-antibody is marked uncertain with "Singapore"

  Scenario: A tested patient is not asked again (near miss)
    When the patient is assessed for natalizumab
    Then the finding natalizumab.workup.jcv-antibody is not reported

  Scenario: A new patient is reminded of the baseline MRI
    When the patient is assessed for natalizumab
    Then the finding natalizumab.workup.baseline-mri has verdict info
    And the finding natalizumab.workup.hbv-check-label is not reported

  Scenario: Positive hepatitis B serology asks for review (label section not read)
    Given screening.anti_hbc is positive
    When the patient is assessed for natalizumab
    Then the verdict is workup_required
    And the finding natalizumab.workup.hbv-check-label says "not read"

  Scenario: A patient already on natalizumab gets no baseline MRI reminder
    Given the current treatment is natalizumab
    And treatment.current.started is 1 years before the assessment date
    When the patient is assessed for natalizumab
    Then the finding natalizumab.workup.baseline-mri is not reported

  Scenario: An active infection holds the dose until assessed
    Given infection.active is true
    When the patient is assessed for natalizumab
    Then the verdict is deferred
    And the finding natalizumab.workup.active-infection applies

  Scenario: Infection status unrecorded is asked for
    Given infection.active is unknown
    When the patient is assessed for natalizumab
    Then the finding natalizumab.workup.active-infection is undecided
    And infection.active is reported missing

  Scenario Outline: A recent live vaccine points to the vaccine sections not read
    Given a live vaccine <when> before the assessment date
    When the patient is assessed for natalizumab
    Then the finding natalizumab.workup.live-vaccine-check-label is <reported>

    Examples:
      | when     | reported     |
      | 6 weeks  | reported     |
      | 4 months | not reported |

  Scenario: Immunoglobulin treatment affects the timing of the JCV test
    Given history.ivig_for_hypogammaglobulinaemia is true
    When the patient is assessed for natalizumab
    Then the finding natalizumab.workup.ivig-and-jcv-test says "6 months of IVIg"

  Scenario: Abnormal liver tests ask for assessment
    Given screening.liver_tests is abnormal
    When the patient is assessed for natalizumab
    Then the verdict is workup_required
    And the finding natalizumab.monitoring.liver-injury applies
