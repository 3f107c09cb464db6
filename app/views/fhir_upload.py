"""FHIR upload on the Profile page: a FHIR R4 Bundle becomes the profile, with what was mapped
and what was not shown field by field (the import never guesses; see docs/fhir.md)."""

from __future__ import annotations

import streamlit as st
from dmt_ui import state
from dmt_ui.fields import profile_to_draft

from dmt_advisor.fhir import FhirImportError, ImportResult, import_bundle
from dmt_advisor.safe_load import InputError, decode, load_json

ss = st.session_state


def _uploaded(key: str) -> None:
    """Import the Bundle (bounded JSON parse, as for a profile upload); a complete profile
    replaces the patient on screen, after asking first when there is unsaved work (issue 12).

    The uploader is reset either way (a new widget key, as the profile uploader does), so a
    failed file's name never sits beside the verdict of the patient still on screen.
    """
    file = ss.get(key)
    if file is None:
        return
    ss.fhir_upload_gen = ss.get("fhir_upload_gen", 0) + 1
    try:
        bundle = load_json(decode(file.getvalue()))
        result = import_bundle(bundle, state.today(), source=file.name)
    except (InputError, FhirImportError) as exc:
        ss.fhir_import = None
        ss.notice = ("error", f"{file.name}: not a FHIR R4 Bundle we can read ({exc}). "
                     "Nothing was loaded; the profile on screen is unchanged.")
        return
    ss.fhir_import = result
    if result.profile is None:
        ss.notice = ("error", f"{file.name} (FHIR) does not make a complete profile: "
                     + "; ".join(result.problems) + ". Nothing was loaded; see below.")
        return
    notice = (f"Imported {file.name} (FHIR): {len(result.mapped)} field(s) mapped, "
              f"{len(result.not_mapped)} item(s) not mapped; see below.")
    state.request_draft("fhir", f"{file.name} (FHIR import)", profile_to_draft(result.profile),
                        notice)


def render() -> None:
    """The upload box and, after an upload, the mapped / not-mapped report."""
    with st.expander("Import from the EHR (FHIR R4 Bundle, JSON)", icon=":material/cloud_upload:",
                     expanded=ss.get("fhir_import") is not None):
        key = f"fhir_upload_{ss.setdefault('fhir_upload_gen', 0)}"
        st.file_uploader("FHIR R4 Bundle of one patient", type=["json"], key=key,
                         on_change=_uploaded, args=(key,))
        result: ImportResult | None = ss.get("fhir_import")
        if result is None:
            return
        st.markdown(f"**Mapped** ({len(result.mapped)})")
        st.dataframe([{"field": m.field, "value": m.value, "from": m.source}
                      for m in result.mapped], hide_index=True, key="fhir_mapped")
        st.markdown(f"**Not mapped** ({len(result.not_mapped)}): unknown stays unknown")
        st.dataframe([{"field": n.field, "why": n.reason, "from": n.resource,
                       "code": n.code or "", "count": n.count} for n in result.not_mapped],
                     hide_index=True, key="fhir_not_mapped")
