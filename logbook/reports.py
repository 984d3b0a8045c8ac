"""One self-contained HTML report per child: plain words for parents, numbers for therapists.

`build_report` gathers figures from the logbook into plain dataclasses; the Jinja2 template in
logbook/templates/report.html.j2 lays them out; charts are inline SVG (see logbook.charts).
"""

from __future__ import annotations

import calendar
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from exercises.api import CLINICAL_DOMAINS, ActivityInfo, MetricSpec
from logbook.charts import LOW_TRACKING, Series, trend_chart
from logbook.records import Child, StoredPlan, StoredResult
from logbook.store import Logbook, item_progress

TEMPLATES = Path(__file__).parent / "templates"
DOMAIN_ORDER = CLINICAL_DOMAINS
MAX_CHART_SERIES = 4
CALENDAR_MONTHS = 6


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
class MetricRow:
    name: str
    unit: str
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
    unit: str
    left: str
    right: str
    asymmetry: str
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
    runs: list[RunRow]
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


@dataclass(frozen=True)
class CalendarDay:
    day: int
    played: bool
    minutes: int
    today: bool


@dataclass(frozen=True)
class CalendarMonth:
    title: str
    weeks: list[list[CalendarDay | None]]


@dataclass(frozen=True)
class WeekRow:
    start: date
    planned: int
    done: int
    current: bool


@dataclass(frozen=True)
class Adherence:
    sessions_share: float | None
    items_share: float | None
    weeks: list[WeekRow]
    items: list[tuple[str, str, int, int]]  # activity name, prescription, days fully done, days played


@dataclass(frozen=True)
class ReportData:
    child: Child
    start: date
    today: date
    generated: str
    days_played: int
    streak: int
    minutes: float
    sessions: int
    stickers: list[tuple[str, int]]
    sticker_total: int
    improvements: list[str]
    adherence: Adherence | None
    plan_name: str | None
    calendar: list[CalendarMonth]
    domains: list[DomainSection]
    low_tracking: float = LOW_TRACKING
    notes: list[str] = field(default_factory=list)

    @property
    def has_data(self) -> bool:
        return self.days_played > 0


# -- building ------------------------------------------------------------------------------


def build_report(logbook: Logbook, nickname: str, since: date | None = None, today: date | None = None) -> str:
    """The report as one HTML string."""
    return render(gather(logbook, nickname, since, today))


def gather(logbook: Logbook, nickname: str, since: date | None = None, today: date | None = None) -> ReportData:
    today = today or date.today()
    child = logbook.child(nickname)
    results = [r for r in logbook.results_for(child.nickname, since) if r.day <= today]
    start = since or (results[0].day if results else today)
    plans = logbook.plans(child.nickname)
    stickers = [s for s in logbook.stickers(child.nickname) if (since is None or s.earned_at.date() >= since)]
    infos = {r.activity_id: _info(r.activity_id) for r in results}
    events = {r.id: logbook.events_for(r.id) for r in results}
    sticker_counts = Counter(s.sticker_id for s in stickers)
    return ReportData(
        child=child,
        start=start,
        today=today,
        generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
        days_played=len({r.day for r in results}),
        streak=logbook.streak(child.nickname, today),
        minutes=sum(r.duration_s for r in results) / 60.0,
        sessions=len({r.session_id for r in results}),
        stickers=[(_words(k), n) for k, n in sticker_counts.most_common()],
        sticker_total=len(stickers),
        improvements=_improvements(results, infos),
        adherence=_adherence(plans, results, start, today, infos) if plans else None,
        plan_name=next((p.name or "untitled plan" for p in plans if p.covers(today)), None),
        calendar=_calendar(results, start, today),
        domains=_domains(results, infos, events, plans),
    )


def render(data: ReportData) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = lambda v: "–" if v is None else f"{v * 100:.0f}%"
    return env.get_template("report.html.j2").render(r=data)


def _info(activity_id: str) -> ActivityInfo | None:
    try:
        from exercises import catalog

        return catalog.info(activity_id)
    except (ImportError, KeyError, AttributeError):
        return None


def _words(identifier: str) -> str:
    return identifier.replace("_", " ").strip().capitalize()


def _name(activity_id: str, info: ActivityInfo | None) -> str:
    return info.name if info else _words(activity_id)


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    if unit == "share":
        return f"{value * 100:.0f}%"
    if abs(value) >= 100 or float(value).is_integer():
        text = f"{value:.0f}"
    else:
        text = f"{value:.3g}" if abs(value) < 1 else f"{value:.1f}"
    return f"{text} {unit}" if unit and unit not in ("count", "reps") else text


def _tq(values: Sequence[float]) -> str:
    return f"tracking {statistics.fmean(values) * 100:.0f}%" if values else "tracking –"


def _main_value(r: StoredResult, info: ActivityInfo | None) -> float | None:
    measure = info.main_measure if info else "reps"
    if measure in r.metrics and r.metrics[measure] is not None:
        return float(r.metrics[measure])
    return None if r.reps is None else float(r.reps)


def _improvements(results: Sequence[StoredResult], infos: dict[str, ActivityInfo | None]) -> list[str]:
    """Plain sentences for figures that clearly got better (early runs against recent ones)."""
    by_activity: dict[str, list[StoredResult]] = defaultdict(list)
    for r in results:
        by_activity[r.activity_id].append(r)
    lines = []
    for activity_id, runs in by_activity.items():
        if len(runs) < 2:
            continue
        info = infos[activity_id]
        half = min(3, len(runs) // 2)
        early, late = runs[:half], runs[-half:]
        for label, get in (
            (info.main_measure if info else "reps", lambda r, info=info: _main_value(r, info)),
            ("hit rate", lambda r: r.success_rate),
        ):
            a = [v for v in map(get, early) if v is not None]
            b = [v for v in map(get, late) if v is not None]
            if not a or not b:
                continue
            before, after = statistics.fmean(a), statistics.fmean(b)
            if after > before * 1.1 and after - before > 1e-9:
                shown = (lambda v: f"{v * 100:.0f}%") if label == "hit rate" else (lambda v: f"{v:.3g}")
                words = label.replace("_", " ")
                lines.append(f"{_name(activity_id, info)}: {words} went up from {shown(before)} to {shown(after)}.")
                break
    return lines


def _calendar(results: Sequence[StoredResult], start: date, today: date) -> list[CalendarMonth]:
    minutes: dict[date, float] = defaultdict(float)
    for r in results:
        minutes[r.day] += r.duration_s / 60.0
    first = max(start.replace(day=1), _months_back(today.replace(day=1), CALENDAR_MONTHS - 1))
    months = []
    month = first
    while month <= today:
        weeks = []
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month):
            weeks.append([
                CalendarDay(d.day, d in minutes, round(minutes.get(d, 0.0)), d == today) if d.month == month.month else None
                for d in week
            ])
        months.append(CalendarMonth(month.strftime("%B %Y"), weeks))
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return months


def _months_back(first_of_month: date, n: int) -> date:
    year, month = first_of_month.year, first_of_month.month - n
    while month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 1)


def _adherence(
    plans: Sequence[StoredPlan], results: Sequence[StoredResult], start: date, today: date,
    infos: dict[str, ActivityInfo | None],
) -> Adherence | None:
    def plan_on(day: date) -> StoredPlan | None:
        return next((p for p in plans if p.covers(day)), None)  # plans come newest first

    weeks = []
    monday = start - timedelta(days=start.weekday())
    while monday <= today:
        days = [monday + timedelta(days=i) for i in range(7)]
        active = next((p for d in reversed(days) if start <= d <= today and (p := plan_on(d))), None)
        if active is not None:
            done = len({r.session_id for r in results if monday <= r.day <= days[-1]})
            weeks.append(WeekRow(monday, active.sessions_per_week, done, today <= days[-1]))
        monday += timedelta(days=7)
    full = [w for w in weeks if not w.current]
    planned = sum(w.planned for w in full)
    sessions_share = sum(min(w.done, w.planned) for w in full) / planned if planned else None

    by_day: dict[date, list[StoredResult]] = defaultdict(list)
    for r in results:
        by_day[r.day].append(r)
    shares = []
    item_days: dict[tuple[str, str], list[int]] = {}
    for day, todays in sorted(by_day.items()):
        plan = plan_on(day)
        if plan is None:
            continue
        progress = item_progress(plan, todays)
        shares.append(sum(p.complete for p in progress) / len(progress) if progress else 0.0)
        for p in progress:
            key = (_name(p.item.activity_id, infos.get(p.item.activity_id) or _info(p.item.activity_id)),
                   f"{p.required:g} {p.unit if p.required != 1 else p.unit[:-1]}, level {p.item.level}" + (f", {p.item.side}" if p.item.side else ""))
            counts = item_days.setdefault(key, [0, 0])
            counts[0] += int(p.complete)
            counts[1] += 1
    if not weeks and not shares:
        return None
    return Adherence(
        sessions_share=sessions_share,
        items_share=statistics.fmean(shares) if shares else None,
        weeks=weeks,
        items=[(name, what, done, played) for (name, what), (done, played) in item_days.items()],
    )


def _domains(
    results: Sequence[StoredResult], infos: dict[str, ActivityInfo | None], events: dict[str, Any],
    plans: Sequence[StoredPlan],
) -> list[DomainSection]:
    by_activity: dict[str, list[StoredResult]] = defaultdict(list)
    for r in results:
        by_activity[r.activity_id].append(r)
    grouped: dict[str, list[ActivitySection]] = defaultdict(list)
    for n, (activity_id, runs) in enumerate(by_activity.items()):
        info = infos[activity_id]
        domain = info.clinical_domain if info else "other"
        grouped[domain].append(_activity_section(activity_id, runs, info, events, plans, salt=f"a{n}"))
    order = {d: i for i, d in enumerate(DOMAIN_ORDER)}
    return [
        DomainSection(d, sorted(acts, key=lambda a: a.name))
        for d, acts in sorted(grouped.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    ]


def _metric_specs(runs: Sequence[StoredResult], info: ActivityInfo | None, per_side: bool) -> list[MetricSpec]:
    specs = [m for m in (info.metrics if info else ()) if m.per_side == per_side or (per_side and m.per_side)]
    known = {m.name for m in specs}
    seen: list[str] = []
    for r in runs:
        names = (k for side in r.per_side.values() for k in side) if per_side else iter(r.metrics)
        for k in names:
            if k not in known and k not in seen:
                seen.append(k)
    return specs + [MetricSpec(k, "", "", per_side=per_side, higher_is_better=None) for k in seen]


def _activity_section(
    activity_id: str, runs: list[StoredResult], info: ActivityInfo | None, events: dict[str, Any],
    plans: Sequence[StoredPlan], salt: str,
) -> ActivitySection:
    main_label = info.main_measure if info else "reps"
    rows = [
        RunRow(
            when=r.started_at,
            level=f"{r.level}" if r.level == r.level_end else f"{r.level}→{r.level_end}",
            main=_fmt(_main_value(r, info)),
            success=_fmt(r.success_rate, "share"),
            duration=f"{r.duration_s / 60:.1f} min",
            tracking=f"{r.tracking_quality * 100:.0f}%",
            low_tracking=r.tracking_quality < LOW_TRACKING,
            completed=r.completed,
        )
        for r in runs
    ]
    metrics = []
    for spec in _metric_specs(runs, info, per_side=False):
        pairs = [(r.metrics.get(spec.name), r.tracking_quality) for r in runs]
        values = [float(v) for v, _ in pairs if v is not None]
        if not values:
            continue
        best = (max(values) if spec.higher_is_better else min(values)) if spec.higher_is_better is not None else None
        metrics.append(MetricRow(
            spec.name.replace("_", " "), spec.unit, spec.meaning, len(values), _fmt(values[0]),
            _fmt(values[-1]), _fmt(best), _fmt(statistics.fmean(values)),
            _tq([q for v, q in pairs if v is not None]),
        ))
    sides = []
    for spec in _metric_specs(runs, info, per_side=True):
        left = [(float(v), r.tracking_quality) for r in runs if (v := r.per_side.get("left", {}).get(spec.name)) is not None]
        right = [(float(v), r.tracking_quality) for r in runs if (v := r.per_side.get("right", {}).get(spec.name)) is not None]
        if not left and not right:
            continue
        mean_l = statistics.fmean(v for v, _ in left) if left else None
        mean_r = statistics.fmean(v for v, _ in right) if right else None
        sides.append(SideRow(
            spec.name.replace("_", " "), spec.unit, _fmt(mean_l), _fmt(mean_r),
            _asymmetry(mean_l, mean_r), max(len(left), len(right)), _tq([q for _, q in left + right]),
        ))
    reactions = _reactions(runs, events)
    series = []
    times = [r.started_at for r in runs]
    quality = [r.tracking_quality for r in runs]
    if any(_main_value(r, info) is not None for r in runs):
        series.append(Series(main_label, "", times, [_main_value(r, info) for r in runs], quality))
    if any(r.success_rate is not None for r in runs):
        series.append(Series("success", "%", times, [None if r.success_rate is None else r.success_rate * 100 for r in runs], quality))
    for spec in _metric_specs(runs, info, per_side=False):
        if len(series) >= MAX_CHART_SERIES:
            break
        if spec.name == main_label:
            continue
        values = [None if r.metrics.get(spec.name) is None else float(r.metrics[spec.name]) for r in runs]
        if any(v is not None for v in values):
            series.append(Series(spec.name.replace("_", " "), spec.unit, times, values, quality))
    chart = Markup(trend_chart(series, salt)) if series else None
    share = _plan_share(activity_id, runs, plans)
    return ActivitySection(activity_id, _name(activity_id, info), rows, metrics, sides, reactions, chart,
                           _tq(quality), share)


def _asymmetry(left: float | None, right: float | None) -> str:
    """Asymmetry index (R − L) / mean(L, R) × 100: 0 is even; positive means the right is higher."""
    if left is None or right is None or abs(left + right) < 1e-12:
        return "–"
    return f"{(right - left) / ((left + right) / 2) * 100:+.0f}%"


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
                                f"{q[0]:.2f}–{q[2]:.2f} s", _tq([t for _, t in by_side[side]])))
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
