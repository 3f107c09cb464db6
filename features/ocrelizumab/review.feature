@review
Feature: Clinical review of rulebook 0.2.0 (findings F1-F45, ../shared/audits/clinical-review-ocrelizumab.md): one scenario per finding fixed in rules

  Each scenario is tagged with the review's finding id and fails on rulebook 0.2.0.

  Background:
    Given the assessment date is 2026-11-22
    And the screening results are complete and normal
    And history.severely_immunocompromised is false
    And history.malignancy_active is false

  @review-F1
  Scenario: EU, HBsAg and anti-HBc positive: no longer "Eligible", the start is held for hepatology
    Given a female RRMS patient aged 34
    And diagnosis.active_disease is true
    And screening.hbsag is positive
    And screening.anti_hbc is positive
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is deferred
    And the finding ocrelizumab.workup.hbsag-positive-hepatology-review cites ocrevus-eu-pl-2022-02 section 2

  @review-F1
  Scenario: EU, anti-HBc positive only: a liver specialist before and during treatment
    Given a female RRMS patient aged 34
    And diagnosis.active_disease is true
    And screening.anti_hbc is positive
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is eligible_with_precautions
    And the finding ocrelizumab.workup.hbv-hepatology-consult says "liver disease expert"

  @review-F2
  Scenario: EU, a previous life-threatening infusion reaction is a contraindication
    Given a female RRMS patient aged 40
    And diagnosis.active_disease is true
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is contraindicated
    And the finding ocrelizumab.contraindication.prior-life-threatening-infusion-reaction cites ocrevus-eu-pl-2022-02 section 3

  @review-F2
  Scenario: EU, suspected PML withholds ocrelizumab
    Given a male RRMS patient aged 40
    And diagnosis.active_disease is true
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And infection.pml_suspected is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is deferred
    And the finding ocrelizumab.administration.pml-suspected has verdict deferred

  @review-F2
  Scenario: EU, pregnancy and an active infection on treatment are applied
    Given a female RRMS patient aged 32
    And diagnosis.active_disease is true
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And reproductive.pregnant is true
    And infection.active is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is deferred
    And the finding ocrelizumab.pregnancy.pregnant has verdict deferred
    And the finding ocrelizumab.administration.active-infection has verdict deferred

  # Calendar findings. On rulebook 0.2.0 with its code (commit cad3230) `dmt-advisor assess` dated
  # these doses: F3 "next dose: 600 mg IV" overdue since 2026-11-10 with premedication due
  # 2026-11-22; F4 the SC dose due 2026-11-25 under suspected PML; F7 the first 600 mg dose on
  # 2027-03-01, 3 months after a catch-up infusion; F44 no earliest start date. No item was ever
  # on hold there, so each scenario below fails on it.
  @review-F3
  Scenario: A pregnant patient with a dose due gets a hold signal, not "give it as soon as possible"
    Given a female RRMS patient aged 31
    And IV ocrelizumab doses 80 weeks, 78 weeks and 30 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And reproductive.pregnant is true
    When the patient is assessed for ocrelizumab
    Then the verdict is deferred
    And the finding ocrelizumab.pregnancy.pregnant has verdict deferred
    And the finding ocrelizumab.schedule.dose-overdue says "unless a finding holds doses"

  @review-F4
  Scenario: Suspected PML on Zunovo: a stop signal that says no dose until PML is excluded
    Given a PPMS patient aged 50
    And SC ocrelizumab doses 60 weeks, 34 weeks and 8 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And infection.pml_suspected is true
    When the patient is assessed for ocrelizumab
    Then the verdict is deferred
    And the finding ocrelizumab.administration.pml-suspected says "no dose until PML is excluded"

  @review-F5
  Scenario: EU, stable on ocrelizumab for years without activity stays indicated
    Given a female RRMS patient aged 45
    And diagnosis.active_disease is false
    And the current treatment is ocrelizumab
    And IV ocrelizumab doses 5 years, 4 years and 20 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is eligible
    And the finding ocrelizumab.eligibility.continuing-on-treatment says "treatment response"
    And the finding ocrelizumab.eligibility.eu-relapsing-not-active is not reported

  @review-F5
  Scenario: EU, PPMS on ocrelizumab no longer "early" and without imaging activity stays indicated
    Given a male PPMS patient aged 52
    And diagnosis.early_ppms is false
    And activity.gad_enhancing_lesions is 0
    And activity.new_t2_lesions_past_12_months is 0
    And the current treatment is ocrelizumab
    And IV ocrelizumab doses 4 years, 3 years and 20 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is eligible
    And the finding ocrelizumab.eligibility.continuing-on-treatment is reported
    And the finding ocrelizumab.eligibility.eu-ppms-not-early-or-inactive is not reported

  @review-F5
  Scenario: US, non-active SPMS stable on ocrelizumab stays indicated
    Given a male SPMS patient aged 52
    And diagnosis.active_disease is false
    And the current treatment is ocrelizumab
    And IV ocrelizumab doses 3 years, 2 years and 20 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible
    And the finding ocrelizumab.eligibility.continuing-on-treatment is reported
    And the finding ocrelizumab.eligibility.non-active-spms is not reported

  @review-F6
  Scenario Outline: Any HBsAg-positive result holds the start until a liver specialist has decided
    Given a female RRMS patient aged 34
    And screening.hbsag is positive
    And screening.anti_hbc is <anti_hbc>
    When the patient is assessed for ocrelizumab
    Then the verdict is deferred
    And the finding ocrelizumab.workup.hbsag-positive-hepatology-review says "serology alone cannot tell active hepatitis B"
    And the finding ocrelizumab.contraindication.active-hbv is not reported
    And the finding ocrelizumab.workup.hbv-hepatology-consult is not reported

    Examples:
      | anti_hbc |
      | negative |
      | positive |

  @review-F6
  Scenario: An HBsAg-positive result also holds a due dose on treatment
    Given a male RRMS patient aged 40
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And screening.hbsag is positive
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.workup.hbsag-positive-hepatology-review has verdict deferred

  @review-F8
  Scenario: US, a recorded active malignancy and severe immunocompromise are not ignored
    Given a female RRMS patient aged 50
    And history.malignancy_active is true
    And history.severely_immunocompromised is true
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible_with_precautions
    And the finding ocrelizumab.monitoring.us-active-malignancy cites ocrevus-uspi-2024-01 section 5.5
    And the finding ocrelizumab.monitoring.us-severely-immunocompromised is reported

  @review-F9
  Scenario: US, under 18 asks to check the current label instead of a hard "not indicated"
    Given a female RRMS patient aged 15
    When the patient is assessed for ocrelizumab
    Then the verdict is workup_required
    And the finding ocrelizumab.eligibility.under-18-us-check-label is marked uncertain with "OPERETTA 2"

  @review-F10
  Scenario: Liver injury on treatment: test on symptoms, discontinue if present
    Given a female RRMS patient aged 40
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.liver-injury says "discontinue"
    And the finding ocrelizumab.monitoring.liver-injury cites hsa-2025-ocrelizumab-liver-injury section letter

  @review-F11
  Scenario: Confirmed PML means discontinuation
    Given a female RRMS patient aged 40
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And infection.pml_confirmed is true
    When the patient is assessed for ocrelizumab
    Then the verdict is contraindicated
    And the finding ocrelizumab.contraindication.pml-confirmed says "discontinue"
    And the finding ocrelizumab.monitoring.pml-vigilance says "discontinue if PML is confirmed"

  @review-F12
  Scenario: Infusion reactions: management by severity, and up to 24 hours after
    Given a female RRMS patient aged 40
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.infusion-reaction-management says "half the rate at onset for at least 30"
    And the finding ocrelizumab.administration.post-infusion-observation-iv says "up to 24 hours"
    And the finding ocrelizumab.administration.post-infusion-observation-iv tells the patient "up to 24 hours later"

  @review-F13
  Scenario: Herpes infections on treatment
    Given a female RRMS patient aged 40
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.herpes-infections says "withhold the dose until a serious herpes infection has resolved"

  @review-F14
  Scenario: Infants exposed in utero get no live vaccines until B-cell recovery
    Given a female RRMS patient aged 31
    And reproductive.pregnant is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.pregnancy.pregnant says "no live or live-attenuated vaccines until B-cell recovery"
    And the finding ocrelizumab.pregnancy.pregnant cites empr-ocrevus-label-summary section infants

  @review-F15
  Scenario: Overlap with other immunosuppressants is named with the label text
    Given a female RRMS patient aged 40
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.monitoring.other-immunosuppressants cites mims-hk-ocrevus-eu-core section 4.5

  @review-F16
  Scenario: Unknown MS activity does not silence the label's "consider discontinuing"
    Given a male PPMS patient aged 50
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And infection.serious_recurrent is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.discontinuation.serious-infections-or-hypogammaglobulinaemia is reported

  @review-F18
  Scenario: EU, hypersensitivity to ocrelizumab is a contraindication
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And history.hypersensitivity_ocrelizumab is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is contraindicated
    And the finding ocrelizumab.contraindication.eu-hypersensitivity cites ocrevus-eu-pl-2022-02 section 2

  @review-F19
  Scenario: EU, starting patient: observation, live vaccines and vaccination timing
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.administration.post-infusion-observation-iv says "at least 1 hour"
    And the finding ocrelizumab.administration.no-live-vaccines-on-treatment is reported
    And the finding ocrelizumab.workup.eu-immunisation-review says "at least 6 weeks"

  @review-F19
  Scenario: EU, a live vaccine 5 weeks ago defers the start (6 weeks in the EU leaflet)
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And a live vaccine "MMR" 5 weeks before the assessment date
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is deferred
    And the finding ocrelizumab.workup.eu-live-vaccine-too-recent is marked uncertain with "2022 EU leaflet"

  @review-F19
  Scenario: EU, on treatment: immunoglobulin, PML and liver monitoring apply
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.monitoring.immunoglobulins is reported
    And the finding ocrelizumab.monitoring.pml-vigilance is reported
    And the finding ocrelizumab.monitoring.liver-injury is reported

  @review-F20
  Scenario: EU, antihypertensives before infusions and dysphagia in PPMS
    Given a male PPMS patient aged 45
    And diagnosis.early_ppms is true
    And activity.gad_enhancing_lesions is 1
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.administration.eu-antihypertensives says "12 hours"
    And the finding ocrelizumab.administration.ppms-dysphagia-pneumonia says "severe pneumonia"

  @review-F21
  Scenario: EU, an infection on maintenance defers the dose instead of "Contraindicated"
    Given a female RRMS patient aged 40
    And diagnosis.active_disease is false
    And the current treatment is ocrelizumab
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And infection.active is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is deferred
    And the finding ocrelizumab.contraindication.eu-active-infection is not reported

  @review-F22
  Scenario: IV premedication gives dose and timing in the finding
    Given a female RRMS patient aged 40
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.premedication-iv says "100 mg IV methylprednisolone"

  @review-F23
  Scenario: The 5-month minimum interval is cited to the EU SmPC text
    Given a female RRMS patient aged 40
    And IV ocrelizumab doses 60 weeks, 58 weeks and 10 weeks before the assessment date
    When the clinician report for ocrelizumab is printed
    Then the clinician report contains "A minimum interval of 5 months should be maintained between each dose"

  @review-F24
  Scenario: A missed dose is cited to US section 2.4 and the EU leaflet
    Given a female RRMS patient aged 40
    And IV ocrelizumab doses 58 weeks, 56 weeks and 32 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.schedule.dose-overdue cites ocrevus-uspi-2024-01 section 2.4
    And the finding ocrelizumab.schedule.dose-overdue cites ocrevus-eu-pl-2022-02 section 3

  @review-F27
  Scenario: Colitis cites the US label section 5.6
    Given a female RRMS patient aged 40
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.colitis-symptoms cites ocrevus-uspi-2024-01 section 5.6

  @review-F28
  Scenario: Breast cancer screening advice is not shown to a man
    Given a male RRMS patient aged 40
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.breast-cancer-screening is not reported

  @review-F28
  Scenario: Breast cancer screening advice is shown to a woman starting ocrelizumab
    Given a female RRMS patient aged 40
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.breast-cancer-screening is reported

  @review-F29
  Scenario: The ABN 3-month advice is marked as confirmed in the abstract
    Given a female RRMS patient aged 30
    And IV ocrelizumab doses 60 weeks, 58 weeks and 34 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And reproductive.planning_pregnancy is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.pregnancy.planning-on-ocrelizumab is marked uncertain with "confirmed in the ABN 2023 abstract"

  @review-F30
  Scenario: After stopping, the B-cell recovery range is given
    Given a female RRMS patient aged 40
    And IV ocrelizumab doses 100 weeks, 98 weeks and 74 weeks before the assessment date
    And an earlier treatment with ocrelizumab stopped 40 weeks before the assessment date for patient_choice
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.monitoring.after-stopping-until-repletion says "six months to two and a half years"

  @review-F31
  Scenario: EU active malignancy is cited to the EU leaflet
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And history.malignancy_active is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.contraindication.eu-active-malignancy cites ocrevus-eu-pl-2022-02 section 2

  @review-F32
  Scenario: EU breastfeeding states that the 2022 EU leaflet still says not to breastfeed
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And reproductive.breastfeeding is true
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.pregnancy.eu-breastfeeding is marked uncertain with "Do not breast-feed"

  @review-F33
  Scenario: US breastfeeding gives the evidence, not process language
    Given a female RRMS patient aged 30
    And reproductive.breastfeeding is true
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.pregnancy.breastfeeding says "can be given while breastfeeding"

  @review-F36
  Scenario: A man is never asked about pregnancy or breastfeeding
    Given a male RRMS patient aged 40
    And reproductive.pregnant is unknown
    And reproductive.breastfeeding is unknown
    When the patient is assessed for ocrelizumab
    Then reproductive.pregnant is not reported missing
    And reproductive.breastfeeding is not reported missing

  @review-F36
  Scenario Outline: A man recorded with reproductive potential gets no contraception or pregnancy-planning advice
    Given a male RRMS patient aged 40
    And the jurisdiction is <jurisdiction>
    And patient.reproductive_potential is true
    And reproductive.planning_pregnancy is true
    And the current treatment is ocrelizumab
    When the patient is assessed for ocrelizumab
    Then the finding <rule> is not reported

    Examples:
      | jurisdiction | rule                                               |
      | US           | ocrelizumab.pregnancy.contraception-counselling    |
      | EU           | ocrelizumab.pregnancy.eu-contraception             |
      | US           | ocrelizumab.pregnancy.planning-on-ocrelizumab      |

  @review-F37
  Scenario: SC premedication shows each label's own timing wording
    Given a female RRMS patient aged 40
    And treatment.ocrelizumab.formulation is SC
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.premedication-sc says "approximately 30 minutes before"

  @review-F38
  Scenario: The patient text of the IV infusion time names the 2-hour option
    Given a female RRMS patient aged 40
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.administration.infusion-duration-iv tells the patient "about two hours"

  @review-F39
  Scenario: The "active SPMS" definition is marked as the rulebook's, not the label's
    Given a male SPMS patient aged 50
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.eligibility.active-spms-adult says "not label text"

  @review-F41
  Scenario: HBV carriers are followed during and after treatment
    Given a female RRMS patient aged 34
    And screening.hbsag is positive
    And screening.hbv_active is false
    When the patient is assessed for ocrelizumab
    Then the verdict is eligible_with_precautions
    And the finding ocrelizumab.workup.hbv-hepatology-consult says "monitoring continues after stopping"

  @review-F45
  Scenario: Stopping counselling says B-cell depletion persists after stopping
    Given a female RRMS patient aged 60
    And diagnosis.active_disease is false
    And the current treatment is ocrelizumab
    And IV ocrelizumab doses 6 years, 5 years and 20 weeks before the assessment date
    And activity.last_relapse is 8 years before the assessment date
    And activity.last_new_mri_lesion is 6 years before the assessment date
    And history.life_threatening_infusion_reaction is false
    When the patient is assessed for ocrelizumab
    Then the finding ocrelizumab.discontinuation.discoms-profile says "not immediately reversible"

  @review-F19
  Scenario Outline: EU, a non-live vaccine within 6 weeks is a precaution; 6 weeks or more is not
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And a non-live vaccine "influenza" <days> days before the assessment date
    When the patient is assessed for ocrelizumab under the EU label
    Then the verdict is <verdict>

    Examples:
      | days | verdict                   |
      | 41   | eligible_with_precautions |
      | 42   | eligible                  |

  @review-F19
  Scenario: EU, the non-live vaccine precaution names the EU leaflet's 6 weeks
    Given a female RRMS patient aged 30
    And diagnosis.active_disease is true
    And a non-live vaccine "influenza" 3 weeks before the assessment date
    When the patient is assessed for ocrelizumab under the EU label
    Then the finding ocrelizumab.workup.eu-vaccine-timing says "at least 6 weeks before the first dose"

  @review-F3
  Scenario: A pregnant patient on IV ocrelizumab whose dose is due gets no dose date
    Given a female RRMS patient aged 34
    And the current treatment is ocrelizumab
    And IV ocrelizumab doses 56 weeks, 54 weeks and 28 weeks before the assessment date
    And reproductive.pregnant is true
    When the patient is assessed for ocrelizumab
    Then the verdict is deferred
    And the schedule has "next dose: 600 mg IV" on hold by ocrelizumab.pregnancy.pregnant
    And the schedule has "before the dose: premedication" on hold
    And no dose is shown as due

  @review-F4
  Scenario Outline: A stop signal on Zunovo leaves no dose dated
    Given a female RRMS patient aged 34
    And the current treatment is ocrelizumab
    And SC ocrelizumab doses 26 weeks before the assessment date
    And <field> is true
    When the patient is assessed for ocrelizumab
    Then the verdict is <verdict>
    And the schedule has "next dose: 920 mg SC (Ocrevus Zunovo)" on hold by <rule>
    And no dose is shown as due

    Examples:
      | field                                       | verdict         | rule                                                                 |
      | infection.pml_suspected                     | deferred        | ocrelizumab.administration.pml-suspected                             |
      | history.life_threatening_infusion_reaction  | contraindicated | ocrelizumab.contraindication.prior-life-threatening-infusion-reaction |

  @review-F7
  Scenario: A second start infusion never given resets the schedule from the catch-up infusion
    Given a female RRMS patient aged 34
    And the current treatment is ocrelizumab
    And IV ocrelizumab doses 12 weeks before the assessment date
    And history.life_threatening_infusion_reaction is false
    And infection.active is false
    When the patient is assessed for ocrelizumab
    Then the schedule has "first 600 mg dose (IV) if the second start infusion is given on 2026-11-22" due on 2027-05-22
    And the schedule has "first 600 mg dose (IV) if the second start infusion is given on 2026-11-22" earliest on 2027-04-22

  @review-F44
  Scenario: A live vaccine defers the start and dates the earliest start
    Given a female RRMS patient aged 34
    And diagnosis.active_disease is true
    And a live vaccine "MMR" 3 weeks before the assessment date
    When the patient is assessed for ocrelizumab
    Then the verdict is deferred
    And the schedule has "start dose (IV): 300 mg, then 300 mg two weeks later" on hold by ocrelizumab.workup.live-vaccine-too-recent
    And the schedule has "start dose (IV): 300 mg, then 300 mg two weeks later" earliest on 2026-11-29
