"""One self-contained HTML report per child: plain words for parents, numbers for therapists.

`build_report` gathers figures from the logbook into plain dataclasses; the Jinja2 template in
logbook/templates/report.html.j2 lays them out; charts are inline SVG (see logbook.charts).
The therapist's per-activity sections are built in logbook.report_activities.
"""

from __future__ import annotations

import calendar
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from exercises.api import ActivityInfo, MetricSpec
from logbook.charts import LOW_TRACKING
from logbook.labels import clamp_share, fmt_metric, metric_label, parent_words
from logbook.records import Child, StoredPlan, StoredResult
from logbook.report_activities import (
    DomainSection,
    activity_name,
    domain_sections,
    figure,
    info_for,
    is_share_figure,
    main_measure,
    spec_for,
    words,
)
from logbook.store import Logbook, item_progress
from logbook.words import plural

TEMPLATES = Path(__file__).parent / "templates"
CALENDAR_MONTHS = 6
ADHERENCE_WEEKS = 12  # weeks listed one by one; earlier ones are summed in one line
MIN_RUNS_FOR_CHANGE = 4  # good-tracking runs needed before "what got better" compares
BETTER_BY = 0.10  # relative change that counts as better (shares: 5 percentage points)
SUCCESS = MetricSpec("success_rate", "0..1", "hits / attempts")


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
class WeeksSummary:
    """Weeks before the listed ones, in one line."""

    n: int
    first: date
    last: date
    planned: int
    done: int


@dataclass(frozen=True)
class Adherence:
    sessions_share: float | None
    sessions_done: int  # in finished weeks, at most the planned number per week
    sessions_planned: int
    items_share: float | None
    weeks: list[WeekRow]  # the latest ADHERENCE_WEEKS
    earlier: WeeksSummary | None
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
    last_played: date | None = None
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
    infos = {r.activity_id: info_for(r.activity_id) for r in results}
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
        stickers=[(words(k), n) for k, n in sticker_counts.most_common()],
        sticker_total=len(stickers),
        improvements=_improvements(results, infos),
        adherence=_adherence(plans, results, start, today, infos) if plans else None,
        plan_name=next((p.name or "untitled plan" for p in plans if p.covers(today)), None),
        calendar=_calendar(results, start, today),
        domains=domain_sections(results, infos, events, plans, child.affected_side),
        last_played=results[-1].day if results else None,
        notes=_data_notes(results, infos),
    )


def render(data: ReportData) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = lambda v: "–" if v is None else f"{clamp_share(v) * 100:.0f}%"
    env.filters["day"] = lambda d: f"{d.day} {d:%B %Y}"
    return env.get_template("report.html.j2").render(r=data)


def _improvements(results: Sequence[StoredResult], infos: dict[str, ActivityInfo | None]) -> list[str]:
    """Plain sentences for figures that clearly got better: the first good-tracking runs against the
    latest ones, in the direction the catalog calls better (a shorter reaction time is better)."""
    by_activity: dict[str, list[StoredResult]] = defaultdict(list)
    for r in results:
        if r.tracking_quality >= LOW_TRACKING:
            by_activity[r.activity_id].append(r)
    lines = []
    for activity_id, runs in by_activity.items():
        if len(runs) < MIN_RUNS_FOR_CHANGE:
            continue
        info = infos[activity_id]
        half = min(3, len(runs) // 2)
        early, late = runs[:half], runs[-half:]
        key, parent = parent_words(activity_id, main_measure(info))
        candidates: list[tuple[str, MetricSpec]] = [
            (parent, spec_for(key, info) or MetricSpec(key, "", "")),
            ("success rate", SUCCESS),
            *((metric_label(m.name, m).words, m) for m in (info.metrics if info else ())
              if not m.per_side and m.higher_is_better is False and m.unit == "s"),  # quicker is better
        ]
        said = []
        for label, spec in candidates:
            a = [v for r in early if (v := figure(r, spec.name)) is not None]
            b = [v for r in late if (v := figure(r, spec.name)) is not None]
            if not a or not b:
                continue
            before, after = statistics.fmean(a), statistics.fmean(b)
            gain = (before - after) if spec.higher_is_better is False else (after - before)
            share = is_share_figure(spec.name, info) or spec is SUCCESS
            if gain <= 1e-9 or gain < (0.05 if share else BETTER_BY * abs(before)):
                continue
            shown = [fmt_metric(v, spec.name, spec) for v in (before, after)]
            said.append(f"{label} went {'up' if after > before else 'down'} from {shown[0]} to {shown[1]}")
            if len(said) == 2:
                break
        if said:
            lines.append(f"{activity_name(activity_id, info)}: {' and '.join(said)}.")
    return lines


def _calendar(results: Sequence[StoredResult], start: date, today: date) -> list[CalendarMonth]:
    """Up to CALENDAR_MONTHS months ending this month, or ending at the last month with play when
    that is longer ago (a calendar of empty months tells a parent nothing)."""
    minutes: dict[date, float] = defaultdict(float)
    for r in results:
        minutes[r.day] += r.duration_s / 60.0
    last = today.replace(day=1)
    if minutes:
        last_play = max(minutes).replace(day=1)
        if last_play < _months_back(last, CALENDAR_MONTHS - 1):
            last = last_play
    first = max(start.replace(day=1), _months_back(last, CALENDAR_MONTHS - 1))
    months = []
    month = first
    while month <= last:
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


def _prescription(item_activity: str, required: float, unit: str, info: ActivityInfo | None) -> str:
    if unit == "minutes":
        return plural(float(required), "minute")
    if info is not None and info.goal_measure == "holds":
        return plural(float(required), "one-leg hold")
    words = parent_words(item_activity, main_measure(info))[1]
    return f"{required:g} {words}"


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
    done_capped = sum(min(w.done, w.planned) for w in full)
    earlier_weeks = weeks[:-ADHERENCE_WEEKS] if len(weeks) > ADHERENCE_WEEKS else []
    earlier = WeeksSummary(
        len(earlier_weeks), earlier_weeks[0].start, earlier_weeks[-1].start,
        sum(w.planned for w in earlier_weeks), sum(w.done for w in earlier_weeks),
    ) if earlier_weeks else None

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
            info = infos.get(p.item.activity_id) or info_for(p.item.activity_id)
            what = f"{_prescription(p.item.activity_id, p.required, p.unit, info)}, level {p.item.level}"
            key = (activity_name(p.item.activity_id, info), what + (f", {p.item.side}" if p.item.side else ""))
            counts = item_days.setdefault(key, [0, 0])
            counts[0] += int(p.complete)
            counts[1] += 1
    if not weeks and not shares:
        return None
    return Adherence(
        sessions_share=done_capped / planned if planned else None,
        sessions_done=done_capped,
        sessions_planned=planned,
        items_share=statistics.fmean(shares) if shares else None,
        weeks=weeks[-ADHERENCE_WEEKS:],
        earlier=earlier,
        items=[(name, what, done, played) for (name, what), (done, played) in item_days.items()],
    )


def _data_notes(results: Sequence[StoredResult], infos: dict[str, ActivityInfo | None]) -> list[str]:
    """Stored values that cannot be right (a share above 100%), said once rather than hidden."""
    bad = 0
    for r in results:
        if r.success_rate is not None and not 0.0 <= r.success_rate <= 1.0:
            bad += 1
        info = infos.get(r.activity_id)
        for name, value in r.metrics.items():
            if value is not None and is_share_figure(name, info) and "asymmetry" not in name and not 0.0 <= value <= 1.0:
                bad += 1
    if not bad:
        return []
    return [f"{bad} stored {'share lies' if bad == 1 else 'shares lie'} outside 0–100% and {'is' if bad == 1 else 'are'} "
            "shown clamped to that range; the app version that wrote them should be checked."]
