"""A therapist's plan item reaches the activity whole: amounts, side and the level bounds."""

from __future__ import annotations

from datetime import date

from exercises.catalog import resolve_params
from game.storage import LogbookStorage
from logbook.plans import Plan
from logbook.store import Logbook


def test_plan_item_becomes_the_activity_parameters_with_level_bounds(tmp_path) -> None:
    book = Logbook.open(f"sqlite:///{tmp_path / 'lb.sqlite3'}")
    try:
        book.add_child("Sam")
        book.assign_plan("Sam", Plan.model_validate({"items": [
            {"activity": "reach_stars", "reps": 12, "level": 2, "min_level": 2, "max_level": 3,
             "side": "left"},
            {"activity": "flamingo_balance", "minutes": 1.5, "side": "right"},
        ]}), on=date(2026, 11, 1))
        _, steps = LogbookStorage(book).today("Sam", date(2026, 11, 27))
    finally:
        book.close()
    stars, flamingo = steps
    assert stars.params == {"reps": 12, "side": "left", "min_level": 2, "max_level": 3}
    params = resolve_params("reach_stars", stars.level, {**stars.params, "adaptive": True})
    assert (params["min_level"], params["max_level"], params["level"]) == (2, 3, 2)
    assert flamingo.params["duration_s"] == 90.0 and flamingo.params["side"] == "right"
