"""FHIR R4 import: a Bundle (or prefetch resources) -> a profile, and what was not mapped."""

from dmt_advisor.fhir.importer import (
    FhirImportError,
    ImportResult,
    MappedField,
    NotMapped,
    import_bundle,
    import_bundle_file,
    map_resources,
    render_report,
)

__all__ = ["FhirImportError", "ImportResult", "MappedField", "NotMapped", "import_bundle",
           "import_bundle_file", "map_resources", "render_report"]
