"""The first logbook schema: children, plans, sessions, results, events, stickers, settings.

Revision ID: 0001_initial
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "children",
        sa.Column("id", ID, primary_key=True),
        sa.Column("nickname", sa.String(40), nullable=False, unique=True),
        sa.Column("avatar", sa.String(40), nullable=False),
        sa.Column("birth_year", sa.Integer),
        sa.Column("dominant_hand", sa.String(10)),
        sa.Column("affected_side", sa.String(10)),
        sa.Column("seated", sa.Boolean, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "plans",
        sa.Column("id", ID, primary_key=True),
        sa.Column("child_id", ID, sa.ForeignKey("children.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("valid_from", sa.Date, nullable=False),
        sa.Column("valid_to", sa.Date),
        sa.Column("sessions_per_week", sa.Integer, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_plans_child", "plans", ["child_id", "valid_from"])
    op.create_table(
        "plan_items",
        sa.Column("id", ID, primary_key=True),
        sa.Column("plan_id", ID, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("activity_id", sa.String(60), nullable=False),
        sa.Column("params", sa.JSON, nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("min_level", sa.Integer, nullable=False),
        sa.Column("max_level", sa.Integer, nullable=False),
        sa.Column("reps", sa.Integer),
        sa.Column("minutes", sa.Float),
        sa.Column("side", sa.String(10)),
        sa.UniqueConstraint("plan_id", "position"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", ID, primary_key=True),
        sa.Column("child_id", ID, sa.ForeignKey("children.id", ondelete="CASCADE"), nullable=False),
        sa.Column("plan_id", ID, sa.ForeignKey("plans.id", ondelete="SET NULL")),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime),
        sa.Column("app_version", sa.String(40), nullable=False),
    )
    op.create_index("ix_sessions_child", "sessions", ["child_id", "started_at"])
    op.create_table(
        "activity_results",
        sa.Column("id", ID, primary_key=True),
        sa.Column("session_id", ID, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("child_id", ID, sa.ForeignKey("children.id", ondelete="CASCADE"), nullable=False),
        sa.Column("activity_id", sa.String(60), nullable=False),
        sa.Column("plan_item_id", ID),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime, nullable=False),
        sa.Column("level", sa.Integer, nullable=False),
        sa.Column("level_end", sa.Integer, nullable=False),
        sa.Column("params", sa.JSON, nullable=False),
        sa.Column("reps", sa.Integer),
        sa.Column("success_rate", sa.Float),
        sa.Column("duration_s", sa.Float, nullable=False),
        sa.Column("tracking_quality", sa.Float, nullable=False),
        sa.Column("completed", sa.Boolean, nullable=False),
        sa.Column("metrics", sa.JSON, nullable=False),
        sa.Column("per_side", sa.JSON, nullable=False),
        sa.Column("level_changes", sa.JSON, nullable=False),
    )
    op.create_index("ix_results_child", "activity_results", ["child_id", "started_at"])
    op.create_index("ix_results_session", "activity_results", ["session_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "result_id", ID, sa.ForeignKey("activity_results.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("t", sa.Float, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_events_result", "events", ["result_id", "seq"])
    op.create_table(
        "stickers",
        sa.Column("id", ID, primary_key=True),
        sa.Column("child_id", ID, sa.ForeignKey("children.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sticker_id", sa.String(60), nullable=False),
        sa.Column("session_id", ID, sa.ForeignKey("sessions.id", ondelete="SET NULL")),
        sa.Column("earned_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_stickers_child", "stickers", ["child_id"])
    op.create_table(
        "settings",
        sa.Column("scope", sa.String(36), primary_key=True),
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.JSON),
    )


def downgrade() -> None:
    for table in (
        "settings", "stickers", "events", "activity_results", "sessions", "plan_items", "plans",
        "children",
    ):
        op.drop_table(table)
