@eu
Feature: EU label (UK SmPC used as a stand-in; 4.3, 4.4 and 4.6 NOT read in SmPC text)

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false

  Scenario: Active RRMS in an adult is indicated in the EU
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is eligible
    And the finding ocrelizumab.eligibility.eu-rrms-active says "active disease defined by clinical or imaging features"
    And the finding ocrelizumab.eligibility.eu-rrms-active cites ocrevus-smpc-uk-iv-2024-07 section 4.1
    And the finding ocrelizumab.pregnancy.eu-contraception says "4 months"
    And the finding ocrelizumab.pregnancy.eu-contraception is marked uncertain with "NOT read in EMA text"
    And the finding ocrelizumab.pregnancy.contraception-counselling is not reported
    And the finding ocrelizumab.eligibility.relapsing-adult is not reported

  Scenario: Non-active RRMS is not indicated in the EU (but would be in the US)
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is false
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is not_indicated
    And the finding ocrelizumab.eligibility.eu-relapsing-not-active is reported
    And the finding ocrelizumab.eligibility.eu-rrms-active is not reported

  Scenario: Unknown activity in the EU needs recording
    Given a female RRMS patient aged 30
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is workup_required
    And the finding ocrelizumab.eligibility.eu-rrms-active is undecided
    And diagnosis.active_disease is reported missing

  Scenario: Active SPMS counts as relapsing MS with active disease, with the interpretation stated
    Given a male SPMS patient aged 50
    And diagnosis.active_disease is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.eligibility.eu-spms-active is marked uncertain with "interpretation"

  Scenario: CIS is not named in the EU indication and is not shown as indicated
    Given a female CIS patient aged 28
    And diagnosis.active_disease is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is not_indicated
    And the finding ocrelizumab.eligibility.eu-cis-not-named says "does not name CIS"

  Scenario: CIS in the US is indicated and gets no EU note (near miss)
    Given a female CIS patient aged 28
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.eligibility.eu-cis-not-named is not reported

  Scenario Outline: Early PPMS with imaging activity only
    Given a male PPMS patient aged 45
    And diagnosis.early_ppms is <early>
    And activity.gad_enhancing_lesions is <gad>
    And activity.new_t2_lesions_past_12_months is <t2>
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is <verdict>

    Examples:
      | early | gad | t2 | verdict       |
      | true  | 1   | 0  | eligible      |
      | true  | 0   | 2  | eligible      |
      | true  | 0   | 0  | not_indicated |
      | false | 2   | 0  | not_indicated |

  Scenario: Early PPMS not judged yet asks for it
    Given a male PPMS patient aged 45
    And activity.gad_enhancing_lesions is 1
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is workup_required
    And the finding ocrelizumab.eligibility.eu-early-ppms is undecided
    And diagnosis.early_ppms is reported missing

  Scenario: PPMS judged not early is not indicated in the EU
    Given a male PPMS patient aged 45
    And diagnosis.early_ppms is false
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.eligibility.eu-ppms-not-early-or-inactive is reported

  Scenario Outline: EU contraindications, confirmed in the EU package leaflet
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And <field> is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is contraindicated
    And the finding <rule> is marked uncertain with "Confirmed in the EU package leaflet"
    And the finding <rule> cites ocrevus-eu-pl-2022-02 section 2

    Examples:
      | field                              | rule                                                      |
      | infection.active                   | ocrelizumab.contraindication.eu-active-infection          |
      | history.severely_immunocompromised | ocrelizumab.contraindication.eu-severely-immunocompromised |
      | history.malignancy_active          | ocrelizumab.contraindication.eu-active-malignancy         |

  Scenario: In the US an active infection defers rather than contraindicates (near miss)
    Given a female RRMS patient aged 30
    And infection.active is true
    When the patient is assessed for ocrelizumab
    Then the verdict is deferred
    And no contraindication finding is reported

  Scenario: Unrecorded immunocompromise or malignancy is not taken as absent in the EU
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And history.severely_immunocompromised is unknown
    And history.malignancy_active is unknown
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is workup_required
    And the finding ocrelizumab.contraindication.eu-severely-immunocompromised is undecided
    And history.malignancy_active is reported missing

  Scenario: EU HBV screening before the first dose, cited to the EU leaflet
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And screening.hbsag is unknown
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is workup_required
    And the finding ocrelizumab.workup.hbv-screening cites ocrevus-eu-pl-2022-02 section 2
    And the finding ocrelizumab.workup.hbv-screening is marked uncertain with "SmPC 4.4 screening sentence was not read"

  Scenario: EU breastfeeding (UK licence) replaces the US note
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And reproductive.breastfeeding is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.pregnancy.eu-breastfeeding says "a few days after birth"
    And the finding ocrelizumab.pregnancy.breastfeeding is not reported

  Scenario: A man gets no EU contraception note (near miss)
    Given a male RRMS patient aged 30
    And diagnosis.active_disease is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.pregnancy.eu-contraception is not reported
    And the finding ocrelizumab.pregnancy.eu-breastfeeding is not reported
