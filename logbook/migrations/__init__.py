"""Alembic migrations, run programmatically by `logbook.migrate` (no alembic.ini at run time).

To add a revision: change logbook/schema.py, then write versions/NNNN_what.py by hand (copy the
shape of 0001) with `down_revision` set to the current head; `tests/logbook/test_migrations.py`
checks that upgrading from empty gives exactly the tables in schema.py.
"""
