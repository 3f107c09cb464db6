@contraindications
Feature: Natalizumab contraindications (US section 4 older revision; EU 4.3 via the Swiss text)

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

  Scenario Outline: Current or past PML is a contraindication in both jurisdictions
    Given infection.pml_confirmed is true
    When the patient is assessed for natalizumab under the <jur> label
    Then the verdict is contraindicated
    And the finding natalizumab.contraindication.pml applies

    Examples:
      | jur |
      | US  |
      | EU  |

  Scenario: A hypersensitivity reaction to natalizumab is a contraindication
    Given the current treatment is natalizumab
    And history.hypersensitivity_to is [natalizumab]
    When the patient is assessed for natalizumab
    Then the verdict is contraindicated
    And the finding natalizumab.contraindication.hypersensitivity applies

  Scenario: On natalizumab with tolerance unrecorded, the reaction history is asked for
    Given the current treatment is natalizumab
    And history.hypersensitivity_to is unknown
    When the patient is assessed for natalizumab
    Then the finding natalizumab.contraindication.hypersensitivity is undecided

  Scenario: A new patient is not asked about reactions to a drug never given (near miss)
    When the patient is assessed for natalizumab
    Then the finding natalizumab.contraindication.hypersensitivity is not reported

  Scenario: Severely immunocompromised: contraindicated in the EU, held in the US
    Given history.severely_immunocompromised is true
    When the patient is assessed for natalizumab under the EU label
    Then the verdict is contraindicated
    And the finding natalizumab.contraindication.eu-immunocompromised applies
    And the finding natalizumab.contraindication.us-immunocompromised is not reported

  Scenario: Severely immunocompromised under the US label: not ordinarily treated
    Given history.severely_immunocompromised is true
    When the patient is assessed for natalizumab
    Then the verdict is deferred
    And the finding natalizumab.contraindication.us-immunocompromised has verdict deferred
    And the finding natalizumab.contraindication.eu-immunocompromised is not reported

  Scenario: EU, recurrent serious infections count as an increased risk of opportunistic infection
    Given infection.serious_recurrent is true
    When the patient is assessed for natalizumab under the EU label
    Then the finding natalizumab.contraindication.eu-immunocompromised applies

  Scenario: EU, immunocompromise unrecorded is asked for
    Given history.severely_immunocompromised is unknown
    When the patient is assessed for natalizumab under the EU label
    Then the finding natalizumab.contraindication.eu-immunocompromised is undecided
    And history.severely_immunocompromised is reported missing

  Scenario: A current immunosuppressant: contraindicated in the EU, held in the US
    Given medications.current is [immunosuppressant_or_antineoplastic]
    When the patient is assessed for natalizumab under the EU label
    Then the verdict is contraindicated
    And the finding natalizumab.contraindication.eu-combination-immunosuppressant applies

  Scenario: A current immunosuppressant under the US label (monotherapy)
    Given medications.current is [immunosuppressant_or_antineoplastic]
    When the patient is assessed for natalizumab
    Then the verdict is deferred
    And the finding natalizumab.contraindication.us-monotherapy-immunosuppressant applies

  Scenario: Current medicines unrecorded: natalizumab is not shown as eligible
    Given medications.current is unknown
    When the patient is assessed for natalizumab
    Then the verdict is workup_required
    And the finding natalizumab.contraindication.us-monotherapy-immunosuppressant is undecided

  Scenario: EU, active malignancy is a contraindication; US asks to check the label
    Given history.malignancy_active is true
    When the patient is assessed for natalizumab under the EU label
    Then the verdict is contraindicated
    And the finding natalizumab.contraindication.eu-active-malignancy applies
    And the finding natalizumab.monitoring.us-malignancy-check-label is not reported

  Scenario: US, active malignancy asks for the current label
    Given history.malignancy_active is true
    When the patient is assessed for natalizumab
    Then the verdict is workup_required
    And the finding natalizumab.monitoring.us-malignancy-check-label applies
    And the finding natalizumab.contraindication.eu-active-malignancy is not reported
