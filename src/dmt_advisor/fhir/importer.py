"""FHIR R4 Bundle -> profile (format 1), with a field-by-field report of what was not mapped.

Unknown stays unknown: a resource whose code is not in codes.yaml, a value without a usable
interpretation or unit, or a result older than its window is reported and never guessed. Each
resource is validated on its own with the R4B models of fhir.resources (R4 data fails the package's
default R5 models), so one odd resource is reported rather than sinking the whole bundle.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dmt_advisor.errors import DmtAdvisorError, FieldProblem, ProfileError
from dmt_advisor.fhir.codes import Code, CodeTable, ObservationMap, load_codes
from dmt_advisor.profile import Jurisdiction, Profile, parse_profile

USED_TYPES = ("Patient", "Condition", "Observation", "MedicationRequest", "MedicationStatement",
              "MedicationAdministration", "Immunization", "AllergyIntolerance", "Medication")


class FhirImportError(DmtAdvisorError):
    """The input is not a FHIR R4 Bundle we can read; names the file and the field."""


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MappedField(_Out):
    field: str
    value: str
    source: str  # the resource reference, e.g. Observation/123


class NotMapped(_Out):
    resource: str  # reference, or "<type> (<n> resources)" for a group
    field: str  # the profile field it would feed, or "(none)"
    reason: str
    code: str | None = None  # system|code
    display: str | None = None
    count: int = 1


class ImportResult(_Out):
    """What was mapped, what was not, and the profile when the mapped data make a valid one."""

    data: dict[str, Any]
    mapped: list[MappedField]
    not_mapped: list[NotMapped]
    problems: list[str] = Field(default_factory=list)
    profile: Profile | None = None


def import_bundle_file(path: str | Path, assessed_on: dt.date | None = None,
                       jurisdiction: Jurisdiction = Jurisdiction.US) -> ImportResult:
    """Read a Bundle JSON file and map it; errors name the file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FhirImportError(f"{path}: cannot read: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FhirImportError(f"{path}: not valid JSON ({exc})") from None
    return import_bundle(data, assessed_on, jurisdiction, source=str(path))


def import_bundle(bundle: Any, assessed_on: dt.date | None = None,
                  jurisdiction: Jurisdiction = Jurisdiction.US,
                  source: str | None = None) -> ImportResult:
    """Map a Bundle (a dict) to profile data; see the module docstring for what is never guessed."""
    where = f"{source}: " if source else ""
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise FhirImportError(f"{where}resourceType: expected a FHIR Bundle")
    entries = bundle.get("entry") or []
    if not isinstance(entries, list):
        raise FhirImportError(f"{where}entry: must be a list")
    resources = [e.get("resource") for e in entries if isinstance(e, dict)]
    return map_resources([r for r in resources if isinstance(r, dict)],
                         assessed_on or dt.date.today(), jurisdiction)


def map_resources(resources: Iterable[dict[str, Any]], assessed_on: dt.date,
                  jurisdiction: Jurisdiction = Jurisdiction.US) -> ImportResult:
    """Map raw FHIR resources (dicts) of one patient; the service uses this on prefetch data."""
    return _Mapper(load_codes(), assessed_on, jurisdiction).run(list(resources))


def _date(value: Any) -> dt.date | None:
    """A FHIR date/dateTime (string or parsed) as a date; None when absent or unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _ref(resource: dict[str, Any]) -> str:
    return f"{resource.get('resourceType')}/{resource.get('id', '?')}"


def _src(resource: dict[str, Any], code: Code) -> str:
    """The resource reference, plus a warning when the code's meaning rests on one source."""
    if code.uncertain:
        return f"{_ref(resource)}; code meaning per {code.source}, not confirmed"
    return _ref(resource)


def _codings(concept: Any) -> list[dict[str, Any]]:
    if not isinstance(concept, dict):
        return []
    return [c for c in concept.get("coding") or [] if isinstance(c, dict)]


def _first_coding(concept: Any) -> tuple[str | None, str | None]:
    for c in _codings(concept):
        return f"{c.get('system')}|{c.get('code')}", c.get("display") or concept.get("text")
    text = concept.get("text") if isinstance(concept, dict) else None
    return None, text


class _Mapper:
    """One import run: collects profile data, the mapped list and the not-mapped list."""

    def __init__(self, codes: CodeTable, assessed_on: dt.date, jurisdiction: Jurisdiction):
        self.codes = codes
        self.on = assessed_on
        self.data: dict[str, Any] = {"format": 1, "assessed_on": assessed_on.isoformat(),
                                     "jurisdiction": jurisdiction.value}
        self.mapped: list[MappedField] = []
        self.not_mapped: dict[tuple[str, str, str | None], NotMapped] = {}
        self.medications: dict[str, dict[str, Any]] = {}

    # -- bookkeeping -------------------------------------------------------------------------
    def _set(self, field: str, value: Any, src: str) -> None:
        node = self.data
        *parents, leaf = field.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
        self.mapped.append(MappedField(field=field, value=str(value), source=src))

    def _miss(self, resource: dict[str, Any] | str, field: str, reason: str,
              concept: Any = None) -> None:
        """Report one thing not mapped; identical codes and reasons are grouped with a count."""
        code, display = _first_coding(concept) if concept is not None else (None, None)
        ref = resource if isinstance(resource, str) else _ref(resource)
        key = (field, reason, code)
        if key in self.not_mapped and code is not None:
            old = self.not_mapped[key]
            self.not_mapped[key] = old.model_copy(update={
                "count": old.count + 1,
                "resource": old.resource.split("/")[0].removesuffix(" (several)") + " (several)"})
            return
        self.not_mapped[key] = NotMapped(resource=ref, field=field, reason=reason, code=code,
                                         display=display)

    def _known_unmapped(self, res: dict[str, Any], concept: Any) -> Code | None:
        """A code codes.yaml lists as deliberately not mapped: reported under its field."""
        hit = self._lookup(concept, self.codes.not_mapped)
        if hit is not None:
            self._miss(res, str(hit.field), str(hit.reason), concept)
        return hit

    def _lookup(self, concept: Any, table: Iterable[Code]) -> Code | None:
        wanted = {self.codes.key(c): c for c in table}
        for c in _codings(concept):
            hit = wanted.get((str(c.get("system")), str(c.get("code"))))
            if hit is not None:
                return hit
        return None

    # -- run ----------------------------------------------------------------------------------
    def run(self, resources: list[dict[str, Any]]) -> ImportResult:
        valid: list[dict[str, Any]] = []
        skipped: dict[str, int] = {}
        for res in resources:
            kind = str(res.get("resourceType"))
            if kind not in USED_TYPES:
                skipped[kind] = skipped.get(kind, 0) + 1
                continue
            problem = self._validate(res)
            if problem:
                self._miss(res, "(none)", f"not valid FHIR R4 ({problem})")
                continue
            if kind == "Medication" and res.get("id"):
                self.medications[f"Medication/{res['id']}"] = res
            valid.append(res)
        patients = [r for r in valid if r["resourceType"] == "Patient"]
        if len(patients) > 1:
            raise FhirImportError(f"Bundle holds {len(patients)} Patient resources; give one "
                                  "patient's data")
        for res in patients:
            self._patient(res)
        self._conditions([r for r in valid if r["resourceType"] == "Condition"])
        self._observations([r for r in valid if r["resourceType"] == "Observation"])
        self._medications([r for r in valid if r["resourceType"].startswith("Medication")
                           and r["resourceType"] != "Medication"])
        self._immunizations([r for r in valid if r["resourceType"] == "Immunization"])
        for res in valid:
            if res["resourceType"] == "AllergyIntolerance":
                self._miss(res, "history.life_threatening_infusion_reaction",
                           "an allergy is shown to the clinician, never read as a "
                           "life-threatening infusion reaction", res.get("code"))
        for kind, n in sorted(skipped.items()):
            self.not_mapped[(kind, "not used", None)] = NotMapped(
                resource=kind, field="(none)",
                reason="resource type not used by the profile", count=n)
        return self._result()

    def _validate(self, res: dict[str, Any]) -> str | None:
        try:
            get_fhir_model_class(res["resourceType"]).model_validate(res)
        except ValidationError as exc:
            err = exc.errors()[0]
            return f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
        except Exception as exc:  # the model class lookup itself
            return str(exc)
        return None

    def _result(self) -> ImportResult:
        profile: Profile | None = None
        problems: list[str] = []
        try:
            profile = parse_profile(self.data, "FHIR bundle")
        except ProfileError as exc:
            problems = [str(p) for p in exc.problems]
        return ImportResult(data=self.data, mapped=self.mapped,
                            not_mapped=list(self.not_mapped.values()), problems=problems,
                            profile=profile)

    # -- resources ----------------------------------------------------------------------------
    def _patient(self, res: dict[str, Any]) -> None:
        birth = _date(res.get("birthDate"))
        if birth is not None:
            self._set("patient.birth_date", birth.isoformat(), _ref(res))
        else:
            self._miss(res, "patient.birth_date", "no birthDate")
        gender = res.get("gender")
        if gender in ("female", "male", "other"):
            self._set("patient.sex", gender, _ref(res))
        else:
            self._miss(res, "patient.sex", f"gender {gender!r} is not female, male or other")

    def _active(self, res: dict[str, Any]) -> bool:
        status = {c.get("code") for c in _codings(res.get("clinicalStatus"))}
        return not status or bool(status & {"active", "recurrence", "relapse"})

    def _conditions(self, conditions: list[dict[str, Any]]) -> None:
        c = self.codes.conditions
        phenotypes: list[tuple[dt.date, Code, dict[str, Any]]] = []
        unmappable: list[tuple[dt.date, Code]] = []  # MS phenotypes the profile does not have
        for res in conditions:
            concept = res.get("code")
            hit = self._lookup(concept, c.phenotype)
            recorded = _date(res.get("recordedDate")) or _date(res.get("onsetDateTime"))
            if hit is not None:
                phenotypes.append((recorded or dt.date.min, hit, res))
            elif self._lookup(concept, c.ms_unspecified) is not None:
                self._miss(res, "diagnosis.phenotype", "multiple sclerosis without a phenotype "
                           "(RRMS, SPMS, PPMS, CIS): give it in the profile", concept)
            elif self._lookup(concept, c.pregnancy) is not None:
                if self._active(res) and res.get("abatementDateTime") is None:
                    self._set("reproductive.pregnant", True, _ref(res))
                else:
                    self._miss(res, "reproductive.pregnant", "pregnancy condition not active; "
                               "not read as 'not pregnant'", concept)
            elif (known := self._known_unmapped(res, concept)) is not None:
                if known.field == "diagnosis.phenotype":
                    unmappable.append((recorded or dt.date.max, known))
            else:
                self._miss(res, "(none)", "condition code not in codes.yaml", concept)
        if phenotypes:
            when, code, res = max(phenotypes, key=lambda t: t[0])
            newer = [k for w, k in unmappable if w >= when]
            if newer:  # a later course the profile cannot name: the older phenotype is stale
                for _, other, older in phenotypes:
                    self._miss(older, "diagnosis.phenotype",
                               f"{other.value} not used: a {newer[0].display} condition is as "
                               "recent or more recent", older.get("code"))
                return
            self._set("diagnosis.phenotype", code.value, _src(res, code))
            if when != dt.date.min and _date(res.get("recordedDate")) is not None:
                self._set("diagnosis.diagnosed_on", when.isoformat(), _ref(res))
            for _, other, older in phenotypes:
                if older is not res and other.value != code.value:
                    self._miss(older, "diagnosis.phenotype",
                               f"older phenotype {other.value} superseded by {code.value}",
                               older.get("code"))

    def _observations(self, observations: list[dict[str, Any]]) -> None:
        by_field: dict[str, list[tuple[ObservationMap, Code, dict[str, Any]]]] = {}
        for res in observations:
            if res.get("status") in ("entered-in-error", "cancelled", "registered",
                                     "preliminary"):
                self._miss(res, "(none)", f"observation status {res.get('status')}",
                           res.get("code"))
                continue
            used = False
            for omap in self.codes.observations:  # one result may feed two fields (IgG)
                hit = self._lookup(res.get("code"), omap.codes)
                if hit is not None:
                    by_field.setdefault(omap.field, []).append((omap, hit, res))
                    used = True
            if not used and self._known_unmapped(res, res.get("code")) is None:
                self._miss(res, "(none)", "observation code not in codes.yaml", res.get("code"))
        for field, items in by_field.items():
            omap = items[0][0]
            if omap.kind == "interpretation" and omap.all_of:
                self._all_of(field, omap, items)
            else:
                self._latest(field, omap, items)

    def _recent(self, omap: ObservationMap, res: dict[str, Any]) -> tuple[bool, str]:
        when = _date(res.get("effectiveDateTime")) or _date(
            (res.get("effectivePeriod") or {}).get("start")) or _date(res.get("issued"))
        if when is None:
            return False, "no effective date: cannot tell whether it is recent"
        age = (self.on - when).days
        if age < 0:
            return False, f"dated {when} after the assessment date"
        if age > omap.max_age_days:
            return False, (f"result of {when} is older than {omap.max_age_days} days: "
                           "counted as not done")
        return True, when.isoformat()

    def _interp(self, res: dict[str, Any]) -> set[str]:
        return {str(c.get("code")) for concept in res.get("interpretation") or []
                for c in _codings(concept)}

    def _value(self, omap: ObservationMap, res: dict[str, Any]) -> tuple[Any, str | None]:
        """The profile value of one observation, or (None, why not)."""
        i = self.codes.interpretation
        codes = self._interp(res)
        if omap.kind == "serology":
            answer = res.get("valueCodeableConcept")
            if codes & set(i.serology_positive) or self._lookup(
                    answer, self.codes.answers.positive):
                value: Any = "positive"
            elif codes & set(i.serology_negative) or self._lookup(
                    answer, self.codes.answers.negative):
                value = "negative"
            else:
                return None, "no positive/negative interpretation or coded answer"
            if omap.positive_only:
                return (True, None) if value == "positive" else (
                    None, "a negative test is not read as 'not pregnant'")
            return value, None
        if omap.kind == "quantity":
            qty = res.get("valueQuantity") or {}
            unit = qty.get("code") or qty.get("unit")
            if qty.get("value") is None:
                return None, "no valueQuantity"
            if unit not in omap.units:
                return None, f"unit {unit!r} not in codes.yaml"
            return round(float(qty["value"]) * omap.units[unit], 3), None
        if omap.kind == "score":
            return self._score(omap, res)
        found = {omap.interpretations[c] for c in codes if c in omap.interpretations}
        if len(found) == 1:
            return found.pop(), None
        return None, ("no usable interpretation (a value is never judged against a range "
                      "here)" if not found else f"conflicting interpretations {sorted(codes)}")

    def _score(self, omap: ObservationMap, res: dict[str, Any]) -> tuple[Any, str | None]:
        """A scale score (EDSS): on the scale and on its steps, or reported; never rounded."""
        qty = res.get("valueQuantity")
        if isinstance(qty, dict):
            raw, unit = qty.get("value"), qty.get("code") or qty.get("unit") or ""
            if unit not in omap.units:
                return None, f"unit {unit!r} not in codes.yaml"
        else:
            raw = res.get("valueInteger", res.get("valueDecimal"))
        if raw is None or isinstance(raw, bool):
            return None, "no numeric value"
        value = float(raw)
        low, high = omap.scale or (0.0, 0.0)
        step = omap.step or 1.0
        if not low <= value <= high or abs(value / step - round(value / step)) > 1e-9:
            return None, f"value {raw} is not on the scale {low:g}-{high:g} in steps of {step:g}"
        return value, None

    def _latest(self, field: str, omap: ObservationMap,
                items: list[tuple[ObservationMap, Code, dict[str, Any]]]) -> None:
        def when(item: tuple[ObservationMap, Code, dict[str, Any]]) -> str:
            res = item[2]
            return str(res.get("effectiveDateTime") or res.get("issued") or "")
        for _, code, res in sorted(items, key=when, reverse=True):
            recent, why = self._recent(omap, res)
            if not recent:
                self._miss(res, field, why, res.get("code"))
                return
            value, problem = self._value(omap, res)
            if problem:
                self._miss(res, field, problem, res.get("code"))
                return
            self._set(field, value, _src(res, code))
            return

    def _all_of(self, field: str, omap: ObservationMap,
                items: list[tuple[ObservationMap, Code, dict[str, Any]]]) -> None:
        latest: dict[str, tuple[str, dict[str, Any]]] = {}
        for _, code, res in items:
            stamp = str(res.get("effectiveDateTime") or res.get("issued") or "")
            if code.code not in latest or stamp > latest[code.code][0]:
                latest[code.code] = (stamp, res)
        values: dict[str, str] = {}
        for code_id, (_, res) in latest.items():
            recent, why = self._recent(omap, res)
            value, problem = self._value(omap, res) if recent else (None, why)
            if value is None:
                self._miss(res, field, problem or why, res.get("code"))
            else:
                values[code_id] = value
        refs = ", ".join(_ref(r) for _, r in latest.values())
        if "abnormal" in values.values():
            self._set(field, "abnormal", refs)
        elif len(values) == len(omap.codes):
            self._set(field, "normal", refs)
        else:
            missing = [c.display for c in omap.codes if c.code not in values]
            self._miss("Observation", field, "normal only when every test is recent and "
                       "normal; missing: " + "; ".join(missing))

    # -- medications ---------------------------------------------------------------------------
    def _drug(self, res: dict[str, Any]) -> tuple[Code | None, Any]:
        concept = res.get("medicationCodeableConcept")
        ref = (res.get("medicationReference") or {}).get("reference")
        if concept is None and ref:
            med = self.medications.get(ref) or next(
                (c for c in res.get("contained") or [] if f"#{c.get('id')}" == ref), None)
            concept = (med or {}).get("code")
        return self._lookup(concept, self.codes.medications), concept

    def _medications(self, resources: list[dict[str, Any]]) -> None:
        current: list[tuple[dt.date, str, dict[str, Any]]] = []
        prior: list[dict[str, Any]] = []
        doses: list[dt.date] = []
        routes: list[tuple[dt.date, str]] = []
        code_of: dict[int, Code] = {}  # id(resource) -> its DMT code, for the report
        for res in resources:
            code, concept = self._drug(res)
            if code is not None:
                code_of[id(res)] = code
            kind = res["resourceType"]
            if code is None:
                if self._known_unmapped(res, concept) is None:
                    self._miss(res, "treatment", "medication not an MS DMT in codes.yaml",
                               concept)
                continue
            status = res.get("status")
            if kind == "MedicationAdministration":
                when = _date(res.get("effectiveDateTime")) or _date(
                    (res.get("effectivePeriod") or {}).get("start"))
                if status != "completed" or when is None:
                    self._miss(res, "treatment.ocrelizumab.doses",
                               f"administration status {status!r} or no date", concept)
                    continue
                if code.dmt == "ocrelizumab":
                    doses.append(when)
                    route = self._lookup((res.get("dosage") or {}).get("route"),
                                         self.codes.routes)
                    if route is not None and route.value:
                        routes.append((when, route.value))
                    self.mapped.append(MappedField(field="treatment.ocrelizumab.doses",
                                                   value=when.isoformat(),
                                                   source=_src(res, code)))
                else:
                    current.append((when, str(code.dmt), res))
                continue
            if kind == "MedicationRequest" and res.get("intent") not in ("order", "plan",
                                                                          "original-order"):
                self._miss(res, "treatment", f"request intent {res.get('intent')!r}", concept)
                continue
            period = res.get("effectivePeriod") or {}
            start = _date(period.get("start")) or _date(res.get("effectiveDateTime")) or _date(
                res.get("authoredOn"))
            if status in ("active", "on-hold", "intended") and not period.get("end"):
                current.append((start or dt.date.min, str(code.dmt), res))
            elif status in ("completed", "stopped"):
                stopped = _date(period.get("end"))
                item = {"drug": code.dmt}
                if stopped is not None:
                    item["stopped"] = stopped.isoformat()
                else:
                    self._miss(res, "treatment.prior.stopped", "no end date", concept)
                prior.append(item)
                self._miss(res, "treatment.prior.reason", "stop reason is not read from FHIR",
                           concept)
                self.mapped.append(MappedField(field="treatment.prior", value=str(item),
                                               source=_src(res, code)))
            else:
                self._miss(res, "treatment", f"status {status!r} is neither current nor stopped",
                           concept)
        if doses:
            ocr = self.data.setdefault("treatment", {}).setdefault("ocrelizumab", {})
            ocr["doses"] = sorted(d.isoformat() for d in set(doses))
            if routes:
                ocr["formulation"] = max(routes)[1]
                self.mapped.append(MappedField(field="treatment.ocrelizumab.formulation",
                                               value=max(routes)[1],
                                               source="MedicationAdministration"))
            else:
                self._miss("MedicationAdministration", "treatment.ocrelizumab.formulation",
                           "no IV/SC route on the ocrelizumab administrations")
        if prior:
            self.data.setdefault("treatment", {})["prior"] = prior
        drugs = {d for _, d, _ in current}
        if len(drugs) != 1 and not doses:
            # No current DMT in the record is not "no current DMT" (issue 12): say not known.
            # (Ocrelizumab administrations without a stop read as on ocrelizumab, as the
            # profile contract says for recorded doses.)
            self.data.setdefault("treatment", {})["current_status"] = "not_recorded"
        if len(drugs) > 1:
            self._miss("MedicationRequest", "treatment.current",
                       f"several current DMTs ({', '.join(sorted(drugs))}): not chosen")
        elif not current:
            if not doses:
                self._miss("MedicationRequest", "treatment.current",
                           "no active DMT prescription or administration in the Bundle: "
                           "recorded as not known (treatment.current_status: not_recorded), "
                           "never as none")
        else:
            _, drug, _ = max(current, key=lambda t: t[0])
            starts = [w for w, _, r in current if r["resourceType"] != "MedicationAdministration"
                      and w != dt.date.min]
            given = [w for w, _, r in current if r["resourceType"] == "MedicationAdministration"]
            item: dict[str, Any] = {"drug": drug}
            if starts:
                item["started"] = min(starts).isoformat()
            if given:
                item["last_dose"] = max(given).isoformat()
            self.data.setdefault("treatment", {})["current"] = item
            self.mapped.append(MappedField(field="treatment.current", value=str(item),
                                           source=_src(current[0][2],
                                                       code_of[id(current[0][2])])))

    def _immunizations(self, resources: list[dict[str, Any]]) -> None:
        out: list[dict[str, Any]] = []
        v = self.codes.vaccines
        for res in resources:
            concept = res.get("vaccineCode")
            when = _date(res.get("occurrenceDateTime"))
            if res.get("status") != "completed" or when is None:
                self._miss(res, "vaccinations", f"status {res.get('status')!r} or no date",
                           concept)
                continue
            live, non_live = self._lookup(concept, v.live), self._lookup(concept, v.non_live)
            hit = live or non_live
            if hit is None:
                self._miss(res, "vaccinations", "vaccine not in codes.yaml: live or not is "
                           "unknown, so it is not recorded", concept)
                continue
            out.append({"vaccine": hit.display, "kind": "live" if live else "non_live",
                        "date": when.isoformat()})
            self.mapped.append(MappedField(field="vaccinations", value=f"{hit.display} {when}",
                                           source=_ref(res)))
        if out:
            self.data["vaccinations"] = sorted(out, key=lambda x: x["date"])


def render_report(result: ImportResult) -> str:
    """A readable account of the import: mapped fields, then what was not mapped and why."""
    lines = ["# FHIR import", "", "## Mapped", ""]
    lines += [f"- {m.field} = {m.value}  ({m.source})" for m in result.mapped] or ["- nothing"]
    lines += ["", "## Not mapped", ""]
    for n in result.not_mapped:
        code = f" [{n.code}{' ' + n.display if n.display else ''}]" if n.code else ""
        times = f" x{n.count}" if n.count > 1 else ""
        lines.append(f"- {n.field}: {n.reason} ({n.resource}{times}){code}")
    if result.problems:
        lines += ["", "## Profile incomplete", ""] + [f"- {p}" for p in result.problems]
    return "\n".join(lines) + "\n"


def problems_error(result: ImportResult, source: str) -> ProfileError:
    """The profile problems of an import as the house's ProfileError (CLI exit 2)."""
    problems = [FieldProblem(*p.split(": ", 1)) if ": " in p else FieldProblem("(profile)", p)
                for p in result.problems]
    return ProfileError(problems, source)


def medication_dmt(resource: dict[str, Any],
                   contained: Iterable[dict[str, Any]] = ()) -> str | None:
    """The profile DMT name of a MedicationRequest (e.g. a draft order), or None if not a DMT
    listed in codes.yaml."""
    mapper = _Mapper(load_codes(), dt.date.today(), Jurisdiction.US)
    for med in contained:
        if med.get("resourceType") == "Medication" and med.get("id"):
            mapper.medications[f"Medication/{med['id']}"] = med
    code, _ = mapper._drug(resource)
    return code.dmt if code is not None else None


def orderable_tests(field: str) -> list[tuple[str, str, str]]:
    """(system URI, code, display) of the tests codes.yaml lists for a profile field: what a
    suggestion may order when that field is missing. A scale score (EDSS) is a clinician's
    examination, not a test to order, and a code whose meaning is unconfirmed is never put in
    an order."""
    table = load_codes()
    out = []
    for o in table.observations:
        if o.field != field or o.kind == "score":
            continue
        sure = [c for c in o.codes if not c.uncertain]
        out += [(table.uri(c), c.code, c.display) for c in sure[: (None if o.all_of else 1)]]
    return out
