"""Table definitions (SQLAlchemy Core).  Ids are UUID strings so two logbooks can be merged.

Times are naive local wall-clock times where the child played: the family's day is what
"days played" and the calendar count.  Changing a table here needs a new Alembic revision in
logbook/migrations/versions.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

ID = String(36)

children = Table(
    "children",
    metadata,
    Column("id", ID, primary_key=True),
    Column("nickname", String(40), nullable=False, unique=True),
    Column("avatar", String(40), nullable=False, default="fox"),
    Column("birth_year", Integer),
    Column("dominant_hand", String(10)),
    Column("affected_side", String(10)),
    Column("seated", Boolean, nullable=False, default=False),
    Column("notes", Text, nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
)

plans = Table(
    "plans",
    metadata,
    Column("id", ID, primary_key=True),
    Column("child_id", ID, ForeignKey("children.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False, default=""),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date),
    Column("sessions_per_week", Integer, nullable=False),
    Column("notes", Text, nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
    Index("ix_plans_child", "child_id", "valid_from"),
)

plan_items = Table(
    "plan_items",
    metadata,
    Column("id", ID, primary_key=True),
    Column("plan_id", ID, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("activity_id", String(60), nullable=False),
    Column("params", JSON, nullable=False),
    Column("level", Integer, nullable=False),
    Column("min_level", Integer, nullable=False),
    Column("max_level", Integer, nullable=False),
    Column("reps", Integer),
    Column("minutes", Float),
    Column("side", String(10)),
    UniqueConstraint("plan_id", "position"),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", ID, primary_key=True),
    Column("child_id", ID, ForeignKey("children.id", ondelete="CASCADE"), nullable=False),
    Column("plan_id", ID, ForeignKey("plans.id", ondelete="SET NULL")),
    Column("started_at", DateTime, nullable=False),
    Column("ended_at", DateTime),
    Column("app_version", String(40), nullable=False, default=""),
    Index("ix_sessions_child", "child_id", "started_at"),
)

activity_results = Table(
    "activity_results",
    metadata,
    Column("id", ID, primary_key=True),
    Column("session_id", ID, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
    Column("child_id", ID, ForeignKey("children.id", ondelete="CASCADE"), nullable=False),
    Column("activity_id", String(60), nullable=False),
    Column("plan_item_id", ID),
    Column("started_at", DateTime, nullable=False),
    Column("ended_at", DateTime, nullable=False),
    Column("level", Integer, nullable=False),
    Column("level_end", Integer, nullable=False),
    Column("params", JSON, nullable=False),
    Column("reps", Integer),
    Column("success_rate", Float),
    Column("duration_s", Float, nullable=False),
    Column("tracking_quality", Float, nullable=False),
    Column("completed", Boolean, nullable=False),
    Column("metrics", JSON, nullable=False),
    Column("per_side", JSON, nullable=False),
    Column("level_changes", JSON, nullable=False),
    Index("ix_results_child", "child_id", "started_at"),
    Index("ix_results_session", "session_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("result_id", ID, ForeignKey("activity_results.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("t", Float, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_events_result", "result_id", "seq"),
)

stickers = Table(
    "stickers",
    metadata,
    Column("id", ID, primary_key=True),
    Column("child_id", ID, ForeignKey("children.id", ondelete="CASCADE"), nullable=False),
    Column("sticker_id", String(60), nullable=False),
    Column("session_id", ID, ForeignKey("sessions.id", ondelete="SET NULL")),
    Column("earned_at", DateTime, nullable=False),
    Index("ix_stickers_child", "child_id"),
)

settings = Table(
    "settings",
    metadata,
    # scope: "" for the whole logbook, else a child id
    Column("scope", String(36), primary_key=True),
    Column("key", String(60), primary_key=True),
    Column("value", JSON),
)
