"""FHIR upload on the Profile page: a FHIR R4 Bundle becomes the profile, with what was mapped
and what was not shown field by field (the import never guesses; see docs/fhir.md)."""

from __future__ import annotations

import json

import streamlit as st
from dmt_ui import state
from dmt_ui.fields import profile_to_draft

from dmt_advisor.fhir import FhirImportError, ImportResult, import_bundle

ss = st.session_state


def _uploaded() -> None:
    file = ss.get("fhir_upload")
    if file is None:
        return
    try:
        result = import_bundle(json.loads(file.getvalue().decode("utf-8", errors="replace")),
                               state.today(), source=file.name)
    except (json.JSONDecodeError, FhirImportError) as exc:
        ss.fhir_import = None
        ss.notice = ("error", f"{file.name}: not a FHIR R4 Bundle we can read ({exc})")
        return
    ss.fhir_import = result
    if result.profile is not None:
        state.set_draft(profile_to_draft(result.profile),
                        f"Imported {file.name} (FHIR): {len(result.mapped)} field(s) mapped, "
                        f"{len(result.not_mapped)} item(s) not mapped; see below.")
    else:
        ss.notice = ("error", f"{file.name} (FHIR) does not make a complete profile: "
                     + "; ".join(result.problems) + ". Nothing was loaded; see below.")


def render() -> None:
    """The upload box and, after an upload, the mapped / not-mapped report."""
    with st.expander("Import from the EHR (FHIR R4 Bundle, JSON)", icon=":material/cloud_upload:",
                     expanded=ss.get("fhir_import") is not None):
        st.file_uploader("FHIR R4 Bundle of one patient", type=["json"], key="fhir_upload",
                         on_change=_uploaded)
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
