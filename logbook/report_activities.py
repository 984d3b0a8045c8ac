"""The therapist's part of the report: one section per activity, grouped by motor domain.

Per activity: trend charts, every metric with its tracking quality, per-side figures with the
asymmetry index and a sentence saying which side did less, reaction times, and the latest runs.
The asymmetry index is `exercises.base.asymmetry_index`, the very figure the activities store,
so a therapist reads one definition everywhere.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from markupsafe import Markup

from exercises.api import CLINICAL_DOMAINS, ActivityInfo, MetricSpec
from exercises.base import asymmetry_index
from logbook.charts import LOW_TRACKING, Line, Panel, trend_chart
from logbook.labels import clamp_share, fmt_metric, metric_label, shown_value, suffix_unit
from logbook.records import StoredPlan, StoredResult
from logbook.store import item_progress

DOMAIN_ORDER = CLINICAL_DOMAINS
MAX_CHART_PANELS = 4
RUNS_SHOWN = 10  # latest runs listed per activity
# How one side compares with the other: (less, more, N times) for a count that should be high,
# a time, and anything else.
SIDE_PHRASES = {
    "did": ("less than", "more than", "as much as"),
    "took": ("less time than", "longer than", "as long as"),
    "was": ("lower than", "higher than", "as high as"),
}


@dataclass(frozen=True)
class RunRow:
    when: datetime
    level: str
    main: str
    success: str
    duration: str
    tracking: str
    low_tracking: bool
    completed: bool


@dataclass(frozen=True)
class EarlierRuns:
    n: int
    first: date
    last: date


@dataclass(frozen=True)
class MetricRow:
    name: str  # "longest hold (s)"
    meaning: str
    n: int
    first: str
    last: str
    best: str
    mean: str
    tracking: str


@dataclass(frozen=True)
class SideRow:
    name: str
    left: str
    right: str
    asymmetry: str  # exercises.base.asymmetry_index of the two means, signed
    reading: str  # "the affected (left) side did 18% less than the right"
    n: int
    tracking: str


@dataclass(frozen=True)
class ReactionRow:
    side: str
    n: int
    median: str
    spread: str
    tracking: str


@dataclass(frozen=True)
class ActivitySection:
    id: str
    name: str
    main_label: str
    n_runs: int
    runs: list[RunRow]  # the latest RUNS_SHOWN, oldest first
    earlier: EarlierRuns | None
    metrics: list[MetricRow]
    sides: list[SideRow]
    reactions: list[ReactionRow]
    chart: Markup | None
    tracking: str
    plan_share: str | None


@dataclass(frozen=True)
class DomainSection:
    name: str
    activities: list[ActivitySection]


# -- shared with the family part ---------------------------------------------------------


def info_for(activity_id: str) -> ActivityInfo | None:
    try:
        from exercises import catalog

        return catalog.info(activity_id)
    except (ImportError, KeyError, AttributeError, ValueError):
        return None


def words(identifier: str) -> str:
    return identifier.replace("_", " ").strip().capitalize()


def activity_name(activity_id: str, info: ActivityInfo | None) -> str:
    return info.name if info else words(activity_id)


def mean_quality(values: Sequence[float]) -> str:
    """Mean tracking quality of the runs behind a figure (a table cell under "Tracking")."""
    return f"{statistics.fmean(values) * 100:.0f}%" if values else "–"


def tracking_words(values: Sequence[float]) -> str:
    return f"tracking {mean_quality(values)}"


def main_measure(info: ActivityInfo | None) -> str:
    return info.main_measure if info else "reps"


def figure(r: StoredResult, name: str) -> float | None:
    """A figure of one run: a metric, or the stored reps / success rate columns."""
    value = r.metrics.get(name)
    if value is not None:
        return float(value)
    if name in ("reps", "hits") and r.reps is not None:
        return float(r.reps)
    if name == "success_rate" and r.success_rate is not None:
        return float(r.success_rate)
    return None


def spec_for(name: str, info: ActivityInfo | None, per_side: bool = False) -> MetricSpec | None:
    """The catalog's definition of a figure; a per-side definition serves a total of the same name."""
    specs = info.metrics if info else ()
    return (next((m for m in specs if m.name == name and m.per_side == per_side), None)
            or next((m for m in specs if m.name == name), None))


def is_share_figure(name: str, info: ActivityInfo | None) -> bool:
    spec = spec_for(name, info)
    return metric_label(name, spec).unit == "%"


# -- per activity -------------------------------------------------------------------------


def domain_sections(
    results: Sequence[StoredResult], infos: dict[str, ActivityInfo | None], events: dict[str, Any],
    plans: Sequence[StoredPlan], affected: str | None = None,
) -> list[DomainSection]:
    by_activity: dict[str, list[StoredResult]] = defaultdict(list)
    for r in results:
        by_activity[r.activity_id].append(r)
    grouped: dict[str, list[ActivitySection]] = defaultdict(list)
    for n, (activity_id, runs) in enumerate(by_activity.items()):
        info = infos[activity_id]
        domain = info.clinical_domain if info else "other"
        grouped[domain].append(_activity_section(activity_id, runs, info, events, plans, f"a{n}", affected))
    order = {d: i for i, d in enumerate(DOMAIN_ORDER)}
    return [
        DomainSection(d, sorted(acts, key=lambda a: a.name))
        for d, acts in sorted(grouped.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    ]


def _metric_specs(runs: Sequence[StoredResult], info: ActivityInfo | None, per_side: bool) -> list[MetricSpec]:
    """The stored figures of this kind in the catalog's order (a total borrows the definition of
    its per-side namesake; an unknown name gets the unit its suffix names), asymmetries last."""
    stored = {k for r in runs for k in ((k for side in r.per_side.values() for k in side) if per_side else r.metrics)}
    catalog_order = [m.name for m in (info.metrics if info else ())]
    names = [n for n in dict.fromkeys(catalog_order) if n in stored]
    for r in runs:
        for k in ((k for side in r.per_side.values() for k in side) if per_side else iter(r.metrics)):
            if k not in names:
                names.append(k)
    specs = []
    for k in sorted(names, key=lambda n: "asymmetry" in n):  # a stable sort: otherwise in order
        spec = spec_for(k, info, per_side)
        specs.append(MetricSpec(k, spec.unit if spec else suffix_unit(k), spec.meaning if spec else "",
                                per_side=per_side, higher_is_better=spec.higher_is_better if spec else None))
    return specs


def _cell(value: float | None, spec: MetricSpec) -> str:
    """A table cell: the number only (the unit is in the row's label), shares as 0–100."""
    return fmt_metric(value, spec.name, spec, cell=True)


def _activity_section(
    activity_id: str, runs: list[StoredResult], info: ActivityInfo | None, events: dict[str, Any],
    plans: Sequence[StoredPlan], salt: str, affected: str | None = None,
) -> ActivitySection:
    main = main_measure(info)
    main_spec = spec_for(main, info) or MetricSpec(main, suffix_unit(main), "", higher_is_better=None)
    rows = [
        RunRow(
            when=r.started_at,
            level=f"{r.level}" if r.level == r.level_end else f"{r.level}→{r.level_end}",
            main=_cell(figure(r, main), main_spec),
            success="–" if r.success_rate is None else f"{clamp_share(r.success_rate) * 100:.0f}%",
            duration=f"{r.duration_s / 60:.1f} min",
            tracking=f"{r.tracking_quality * 100:.0f}%",
            low_tracking=r.tracking_quality < LOW_TRACKING,
            completed=r.completed,
        )
        for r in runs
    ]
    hidden = runs[:-RUNS_SHOWN] if len(runs) > RUNS_SHOWN else []
    earlier = EarlierRuns(len(hidden), hidden[0].day, hidden[-1].day) if hidden else None

    metrics = []
    for spec in _metric_specs(runs, info, per_side=False):
        pairs = [(float(v), r.tracking_quality) for r in runs if (v := r.metrics.get(spec.name)) is not None]
        values = [v for v, _ in pairs]
        if not values:
            continue
        best = None if spec.higher_is_better is None else (max(values) if spec.higher_is_better else min(values))
        metrics.append(MetricRow(
            str(metric_label(spec.name, spec)), spec.meaning, len(values), _cell(values[0], spec),
            _cell(values[-1], spec), _cell(best, spec), _cell(statistics.fmean(values), spec),
            mean_quality([q for _, q in pairs]),
        ))

    sides = []
    side_specs = [s for s in _metric_specs(runs, info, per_side=True) if _side_values(runs, s.name) != ([], [])]
    for spec in side_specs:
        left, right = _side_values(runs, spec.name)
        mean_l = statistics.fmean(v for v, _ in left) if left else None
        mean_r = statistics.fmean(v for v, _ in right) if right else None
        ai = asymmetry(mean_l, mean_r)
        sides.append(SideRow(
            str(metric_label(spec.name, spec)), _cell(mean_l, spec), _cell(mean_r, spec),
            _signed(ai),
            side_words(mean_l, mean_r, affected, spec.higher_is_better, spec.unit),
            max(len(left), len(right)), mean_quality([q for _, q in left + right]),
        ))

    quality = [r.tracking_quality for r in runs]
    chart = Markup(trend_chart(_panels(runs, info, main_spec, side_specs), [r.started_at for r in runs], quality, salt)) if len(runs) >= 2 else None
    return ActivitySection(
        activity_id, activity_name(activity_id, info), str(metric_label(main, main_spec)), len(runs),
        rows[-RUNS_SHOWN:], earlier, metrics, sides, _reactions(runs, events), chart, tracking_words(quality),
        _plan_share(activity_id, runs, plans),
    )


def _side_values(runs: Sequence[StoredResult], name: str) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    def side(which: str) -> list[tuple[float, float]]:
        return [(float(v), r.tracking_quality) for r in runs if (v := r.per_side.get(which, {}).get(name)) is not None]

    return side("left"), side("right")


def _panels(
    runs: Sequence[StoredResult], info: ActivityInfo | None, main_spec: MetricSpec, side_specs: Sequence[MetricSpec],
) -> list[Panel]:
    """The main figure, the success rate, the first per-side figure (left and right), then other
    metrics; a series that repeats one already drawn (pops = reps) is skipped."""
    def series(get: Callable[[StoredResult], float | None], spec: MetricSpec) -> list[float | None]:
        return [None if (v := get(r)) is None else shown_value(v, spec.name, spec.unit) for r in runs]

    panels: list[Panel] = []
    drawn: list[list[float | None]] = []

    def add(label: str, unit: str, lines: list[Line], share: bool = False) -> None:
        if len(panels) >= MAX_CHART_PANELS or not any(v is not None for line in lines for v in line.values):
            return
        filled = [line for line in lines if any(v is not None for v in line.values)]
        if len(filled) == 1 and filled[0].values in drawn:
            return  # the same numbers again (pops = reps; a one-sided stand = the longest hold)
        drawn.extend(line.values for line in lines)
        panels.append(Panel(label, unit, lines, share))

    main_label = metric_label(main_spec.name, main_spec)
    add(main_label.words, main_label.unit, [Line("", series(lambda r: figure(r, main_spec.name), main_spec))],
        main_label.unit == "%")
    success = MetricSpec("success_rate", "0..1", "")
    add("success rate", "%", [Line("", series(lambda r: r.success_rate, success))], True)
    for spec in side_specs[:1]:
        label = metric_label(spec.name, spec)
        add(label.words, label.unit, [
            Line(side, series(lambda r, s=side, n=spec.name: _number(r.per_side.get(s, {}).get(n)), spec))
            for side in ("left", "right")
        ], label.unit == "%")
    for spec in _metric_specs(runs, info, per_side=False):
        if spec.name == main_spec.name:
            continue
        label = metric_label(spec.name, spec)
        add(label.words, label.unit, [Line("", series(lambda r, n=spec.name: _number(r.metrics.get(n)), spec))],
            label.unit == "%" and "asymmetry" not in spec.name)
    return panels


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def asymmetry(left: float | None, right: float | None) -> float | None:
    """`exercises.base.asymmetry_index` (L − R) / (L + R) × 100 of the two sides' figures."""
    if left is None or right is None or abs(left) + abs(right) < 1e-12:
        return None
    return asymmetry_index(left, right)


def _signed(index: float | None) -> str:
    if index is None:
        return "–"
    return "0" if round(index) == 0 else f"{index:+.0f}".replace("-", "−")


def side_words(
    left: float | None, right: float | None, affected: str | None, higher_is_better: bool | None, unit: str = "",
) -> str:
    """Which side did less, in words, about the affected side when the child has one:
    "the affected (left) side did 18% less than the right"."""
    if left is None or right is None:
        return "" if left is None and right is None else f"{'left' if right is None else 'right'} side only"
    values = {"left": left, "right": right}
    if max(abs(left), abs(right)) < 1e-12 or abs(left - right) <= 0.01 * max(abs(left), abs(right)):
        return "even"
    if affected in values:
        focus = affected
        who = f"the affected ({focus}) side"
    else:
        focus = "left" if left < right else "right"
        who = f"the {focus} side"
    other = "right" if focus == "left" else "left"
    mine, theirs = values[focus], values[other]
    if abs(theirs) < 1e-12:
        return f"only {who} had any"
    ratio = mine / theirs
    kind = "did" if higher_is_better else ("took" if unit == "s" else "was")
    less, more, times = SIDE_PHRASES[kind]
    if ratio >= 2:  # "3.0 times as much as the right" reads better than "200% more"
        text = f"{who} {kind} {ratio:.1f} times {times} the {other}"
    else:
        text = f"{who} {kind} {abs(1 - ratio) * 100:.0f}% {less if ratio < 1 else more} the {other}"
    return text + (" (lower is better)" if higher_is_better is False else "")


def _reactions(runs: Sequence[StoredResult], events: dict[str, Any]) -> list[ReactionRow]:
    by_side: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in runs:
        for e in events.get(r.id, ()):
            reaction = e.data.get("reaction_s") if e.kind == "target_hit" else None
            if isinstance(reaction, int | float):
                by_side[e.data.get("side") or "any"].append((float(reaction), r.tracking_quality))
                by_side["all"].append((float(reaction), r.tracking_quality))
    rows = []
    for side in ("all", "left", "right", "any"):
        values = sorted(v for v, _ in by_side.get(side, ()))
        if not values or (side == "any" and len(by_side) <= 2):
            continue
        q = statistics.quantiles(values, n=4) if len(values) >= 2 else [values[0]] * 3
        rows.append(ReactionRow(side, len(values), f"{statistics.median(values):.2f} s",
                                f"{q[0]:.2f}–{q[2]:.2f} s", mean_quality([t for _, t in by_side[side]])))
    return rows


def _plan_share(activity_id: str, runs: Sequence[StoredResult], plans: Sequence[StoredPlan]) -> str | None:
    """How many played days reached this activity's prescription."""
    days: dict[date, list[StoredResult]] = defaultdict(list)
    for r in runs:
        days[r.day].append(r)
    done = total = 0
    for day, todays in days.items():
        plan = next((p for p in plans if p.covers(day)), None)
        items = [i for i in plan.items if i.activity_id == activity_id] if plan else []
        if not items:
            continue
        progress = [p for p in item_progress(plan, todays) if p.item.activity_id == activity_id]  # type: ignore[arg-type]
        total += 1
        done += all(p.complete for p in progress)
    return f"prescription met on {done} of {total} days played" if total else None
