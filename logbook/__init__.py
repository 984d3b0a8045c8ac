"""Storage, plans, reports and exchange: what comes back to parents and therapists.

Modules (never imports pygame):
  store     `Logbook` — open/migrate/close; children, plans, sessions, results, stickers, settings
  schema    SQLAlchemy Core tables (UUID string ids, so logbooks merge); migrations/ holds Alembic
  records   the frozen dataclasses the store hands back (Child, StoredPlan, StoredResult, ...)
  plans     therapist plan files (YAML/JSON) checked with pydantic against exercises.catalog
  reports   one self-contained HTML report (templates/report.html.j2, charts as inline SVG)
  exchange  export one child to CSV/JSON and import such a folder (idempotent)
  backup    daily copies of a SQLite logbook, last seven kept
  paths     the data folder (WIGGLEQUEST_DATA_DIR or the platform's) and the default URL
  labels    metric names, units and values as a reader says them; words: counted nouns
"""
