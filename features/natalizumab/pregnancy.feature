@pregnancy
Feature: Natalizumab in pregnancy and breastfeeding (label sections NOT read: the clinician checks)

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal
    And a patient profile in YAML:
      """
      infection: {pml_suspected: false, pml_confirmed: false, serious_recurrent: false}
      history: {severely_immunocompromised: false, malignancy_active: false, hypersensitivity_to: []}
      medications: {current: []}
      labs: {jcv_antibody: negative}
      """

  Scenario Outline: Pregnant or breastfeeding holds the dose until a decision (label section not read)
    Given a female RRMS patient aged 31
    And reproductive.pregnant is <pregnant>
    And reproductive.breastfeeding is <breastfeeding>
    When the patient is assessed for natalizumab
    Then the verdict is deferred
    And the finding natalizumab.pregnancy.check-label applies
    And the finding natalizumab.pregnancy.check-label cites tysabri-uspi-2023-10 section 8.1

    Examples:
      | pregnant | breastfeeding |
      | true     | false         |
      | false    | true          |

  Scenario: Planning a pregnancy is discussed
    Given a female RRMS patient aged 31
    And reproductive.pregnant is false
    And reproductive.planning_pregnancy is true
    When the patient is assessed for natalizumab
    Then the finding natalizumab.pregnancy.planning has verdict info
    And the verdict is eligible

  Scenario: A man gets no pregnancy finding
    Given a male RRMS patient aged 31
    When the patient is assessed for natalizumab
    Then no pregnancy finding is reported
    And the verdict is eligible
