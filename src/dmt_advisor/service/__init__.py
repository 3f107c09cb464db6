"""CDS Hooks 2.0 service over the advisor (docs/service.md)."""
