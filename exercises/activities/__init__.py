"""One module per activity; each defines `INFO` and `create()` (see exercises.catalog)."""
