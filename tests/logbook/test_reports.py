"""Reports render with data and without, hold no external reference, and say the right things."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lbhelpers import result, run, seed_logbook

from exercises import catalog
from exercises.api import MetricSpec
from exercises.base import asymmetry_index
from logbook.labels import fmt_metric, metric_label
from logbook.report_activities import asymmetry, side_words
from logbook.reports import build_report, gather
from logbook.store import Logbook

TODAY = date(2025, 3, 10)


@pytest.fixture
def logbook(tmp_path: Path):
    lb = Logbook.open(f"sqlite:///{tmp_path / 'logbook.sqlite3'}")
    yield lb
    lb.close()


class Checker(HTMLParser):
    """Collects tags and every URL-bearing attribute, and checks tags are balanced."""

    VOID = {"meta", "br", "img", "link", "input", "hr", "path", "use", "rect", "circle", "line", "polyline", "stop", "ellipse", "polygon"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.refs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "data", "poster") and value:
                self.refs.append(value)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href") and value:
                self.refs.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def check_self_contained(html: str) -> Checker:
    assert "http://" not in html and "https://" not in html and "//" not in re.sub(r"<style>.*?</style>", "", html, flags=re.S).replace("://", "")
    assert not re.search(r"url\((?!#)|@import|<script|<link|<iframe|<img|<object|<embed", html)  # url(#id) is internal
    checker = Checker()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    assert all(ref.startswith("#") for ref in checker.refs), checker.refs
    return checker


def test_report_with_no_data(logbook: Logbook) -> None:
    logbook.add_child("Ada")
    html = build_report(logbook, "Ada", today=TODAY)
    check_self_contained(html)
    assert "No games have been played in this period yet" in html
    assert "No activity results in this period" in html
    assert "<svg" not in html


def test_report_with_data(logbook: Logbook) -> None:
    seed_logbook(logbook, days=8)
    data = gather(logbook, "Sam", today=TODAY)
    assert data.days_played == 6 and data.streak == 3 and data.sessions == 7
    assert data.sticker_total == 6 and dict(data.stickers) == {"Gold star": 2, "Rocket": 4}
    assert data.minutes == pytest.approx((60 + 65 + 60) * 6 / 60 + 1)  # active time, not wall time
    # early good-tracking runs against the latest ones (run 3 has 40% tracking and is left out)
    assert data.improvements == [
        "Jumping Jacks: jumps went up from 7 to 12.",
        "Flamingo balance: longest hold went up from 3.5 s to 5.5 s.",
        "Bubble Pop: bubbles popped went up from 9 to 13 and success rate went up from 63% to 75%.",
    ]
    domains = [d.name for d in data.domains]
    assert domains.index("bilateral coordination") < domains.index("balance") and domains[-1] == "other"
    jj = next(a for d in data.domains for a in d.activities if a.id == "jumping_jacks")
    assert len(jj.runs) == 6 and jj.earlier is None and jj.runs[2].low_tracking and jj.chart is not None
    assert [m.name for m in jj.metrics] == ["reps", "cadence (reps/min)", "peak abduction (°)"]
    [side] = jj.sides
    # means of 110+d and 130+d; (113 - 133) / (113 + 133) x 100 = -8.1; 113 is 15% below 133
    assert (side.name, side.left, side.right, side.asymmetry) == ("peak abduction (°)", "113", "133", "−8")
    assert side.reading == "the affected (left) side did 15% less than the right"
    flamingo = next(a for d in data.domains for a in d.activities if a.id == "flamingo_balance")
    assert flamingo.main_label == "longest hold (s)" and flamingo.sides[0].reading == "left side only"
    bubbles = next(a for d in data.domains for a in d.activities if a.id == "bubble_pop")
    assert [r.side for r in bubbles.reactions] == ["all", "left", "right"]
    assert bubbles.reactions[0].n == 48 and bubbles.reactions[0].median == "0.60 s"
    assert [m.name for m in bubbles.metrics] == ["pops (bubbles)", "pinch accuracy (%)", "reaction time (s)"]
    assert [r.success for r in bubbles.runs] == ["60%", "63%", "66%", "72%", "75%", "78%"]
    assert data.adherence is not None and data.adherence.sessions_share == pytest.approx(1.0)
    assert data.adherence.items[0] == ("Jumping Jacks", "10 jumps, level 1", 3, 6)
    retired = next(a for d in data.domains for a in d.activities if a.id == "retired_game")
    assert retired.chart is None  # one run draws no trend
    html = build_report(logbook, "Sam", today=TODAY)
    checker = check_self_contained(html)
    assert checker.tags.count("svg") == 3  # one trend chart per activity with two runs or more
    for words in ("6</b>days played", "Spring block", "Asymmetry index = (left − right) / (left + right) × 100",
                  "tracking 86%", "Reaction time", "Bilateral coordination", "Balance", "Retired game",
                  "prescription met on", "@media print", "Longest hold (s)</th>"):
        assert words in html, words
    for raw in ("longest_hold_s", "hold s", "reaction s", "(right − left)", "mean(left, right)"):
        assert raw not in re.sub(r"<svg.*?</svg>", "", html, flags=re.S), raw
    since = gather(logbook, "Sam", since=date(2025, 3, 8), today=TODAY)
    assert since.days_played == 2


def test_asymmetry_is_the_activities_index() -> None:
    """One definition: exercises.base.asymmetry_index, (L - R) / (L + R) x 100, positive = left higher."""
    assert asymmetry(82.0, 100.0) == asymmetry_index(82.0, 100.0) == pytest.approx(-9.89)
    assert asymmetry(12.0, 8.0) == pytest.approx(20.0) and asymmetry(10.0, 10.0) == 0.0
    assert asymmetry(None, 3.0) is None and asymmetry(0.0, 0.0) is None
    assert side_words(82.0, 100.0, "left", True) == "the affected (left) side did 18% less than the right"
    assert side_words(82.0, 100.0, "right", True) == "the affected (right) side did 22% more than the left"
    assert side_words(82.0, 100.0, None, True) == "the left side did 18% less than the right"
    assert side_words(0.9, 0.6, "left", False, "s") == "the affected (left) side took 50% longer than the right (lower is better)"
    assert side_words(3.0, 1.0, "left", False, "count") == "the affected (left) side was 3.0 times as high as the right (lower is better)"
    assert side_words(0.6, 0.9, "right", False, "s") == "the affected (right) side took 50% longer than the left (lower is better)"
    assert side_words(2.0, 7.0, "left", True) == "the affected (left) side did 71% less than the right"
    assert side_words(5.0, 5.02, "left", True) == "even" and side_words(5.0, None, "left", True) == "left side only"


def test_per_side_figures_from_known_numbers(logbook: Logbook) -> None:
    """A child whose affected left arm reaches 82 deg against 100 deg on the right: the report's index is
    the one the activity stored, and the words say the left did 18% less."""
    logbook.add_child("Kim", affected_side="left")
    t0 = datetime(2026, 11, 20, 16)
    for k, (left, right) in enumerate([(80.0, 98.0), (84.0, 102.0)]):
        session = logbook.start_session("Kim", started_at=t0 + timedelta(days=k))
        logbook.save_result(session, result(
            "arm_raises", 8, success_rate=0.8,
            metrics={"reps": 8, "asymmetry_index": asymmetry_index(left, right)},
            per_side={"left": {"peak_abduction_deg": left, "arm_reps": 3}, "right": {"peak_abduction_deg": right, "arm_reps": 5}},
        ), t0 + timedelta(days=k), t0 + timedelta(days=k, minutes=1))
    data = gather(logbook, "Kim", today=date(2026, 11, 27))
    [section] = [a for d in data.domains for a in d.activities]
    rows = {s.name: s for s in section.sides}
    peak = rows["peak abduction (°)"]
    assert (peak.left, peak.right, peak.asymmetry) == ("82", "100", "−10")
    assert peak.reading == "the affected (left) side did 18% less than the right"
    assert rows["arm reps"].reading == "the affected (left) side did 40% less than the right"
    stored = next(m for m in section.metrics if m.name == "asymmetry index (%)")
    assert stored.mean == "−10"  # the activities' own figure agrees with the report's
    html = build_report(logbook, "Kim", today=date(2026, 11, 27))
    assert "the affected (left) side did 18% less than the right" in html


def test_labels() -> None:
    info = catalog.info("reach_stars")
    spec = {m.name: m for m in info.metrics if not m.per_side}
    assert str(metric_label("longest_hold_s", catalog.info("flamingo_balance").metrics[0])) == "longest hold (s)"
    assert str(metric_label("reaction_time_s", spec["reaction_time_s"])) == "reaction time (s)"
    assert str(metric_label("reaction_s")) == "reaction time (s)"
    assert str(metric_label("peak_abduction_deg")) == "peak abduction (°)"
    assert str(metric_label("hits", spec["hits"])) == "hits" and str(metric_label("reps")) == "reps"
    assert str(metric_label("jump_height_leg_pct")) == "jump height leg (%)"
    assert str(metric_label("cadence_per_min", MetricSpec("cadence_per_min", "reps/min", ""))) == "cadence (reps/min)"
    assert str(metric_label("accuracy", MetricSpec("accuracy", "ratio", ""))) == "accuracy (%)"
    assert str(metric_label("rhythm_cv", MetricSpec("rhythm_cv", "ratio", ""))) == "rhythm variation (ratio)"
    assert fmt_metric(1.14, "success_rate", MetricSpec("success_rate", "0..1", "")) == "100%"
    assert fmt_metric(3.5, "longest_hold_s") == "3.5 s" and fmt_metric(6.5, "reps") == "7"


def test_better_only_in_the_better_direction(logbook: Logbook) -> None:
    """Reaction time is better when it goes down; a slower child is not told it "went up"."""
    logbook.add_child("Lou")
    t0 = datetime(2026, 11, 10, 16)
    for k, reaction in enumerate([0.9, 0.9, 0.6, 0.6]):
        session = logbook.start_session("Lou", started_at=t0 + timedelta(days=k))
        logbook.save_result(session, result("reach_stars", None, metrics={"hits": 10, "reaction_time_s": reaction}),
                            t0 + timedelta(days=k), t0 + timedelta(days=k, minutes=1))
        logbook.save_result(session, result("bubble_pop", 10, metrics={"pops": 10, "reaction_s": 0.6 + 0.2 * k}),
                            t0 + timedelta(days=k, minutes=2), t0 + timedelta(days=k, minutes=3))
    data = gather(logbook, "Lou", today=date(2026, 11, 27))
    assert data.improvements == ["Reach for the stars: reaction time went down from 0.9 s to 0.6 s."]


def test_long_histories_stay_readable(logbook: Logbook) -> None:
    """An open-ended plan from March 2025 read in November 2026: 12 weeks listed, the rest in one
    line; the last 10 runs per activity; the calendar ends with the last month played; shares
    above 100% are clamped and said."""
    seed_logbook(logbook, days=20)
    today = date(2026, 11, 27)
    session = logbook.start_session("Sam", started_at=datetime(2025, 3, 22, 17))
    logbook.save_result(session, result("bubble_pop", 9, success_rate=1.14, metrics={"pops": 9}),
                        datetime(2025, 3, 22, 17), datetime(2025, 3, 22, 17, 1))
    data = gather(logbook, "Sam", today=today)
    adherence = data.adherence
    assert adherence is not None and len(adherence.weeks) == 12 and adherence.weeks[-1].current
    assert adherence.weeks[0].start == date(2026, 9, 7) and adherence.earlier is not None
    assert (adherence.earlier.n, adherence.earlier.first, adherence.earlier.last) == (79, date(2025, 3, 3), date(2026, 8, 31))
    assert adherence.earlier.done == 17 and adherence.earlier.planned == 79 * 4
    jj = next(a for d in data.domains for a in d.activities if a.id == "jumping_jacks")
    assert jj.n_runs == 15 and len(jj.runs) == 10 and jj.runs[-1].when == datetime(2025, 3, 21, 17)
    assert jj.earlier is not None and (jj.earlier.n, jj.earlier.first, jj.earlier.last) == (5, date(2025, 3, 3), date(2025, 3, 8))
    bubbles = next(a for d in data.domains for a in d.activities if a.id == "bubble_pop")
    assert bubbles.runs[-1].success == "100%" and all(int(r.success[:-1]) <= 100 for r in bubbles.runs)
    assert data.notes and "outside 0–100%" in data.notes[0]
    assert [m.title for m in data.calendar] == ["March 2025"] and data.last_played == date(2025, 3, 22)
    html = build_report(logbook, "Sam", today=today)
    check_self_contained(html)
    assert "79 earlier weeks (2025-03-03 to 2026-08-31): 17 of 316 planned sessions played" in html
    assert "5 earlier runs (2025-03-03 to 2025-03-08) not listed" in html
    assert "No play since 22 March 2025" in html and "The last game was on 22 March 2025." in html
    assert "114%" not in html and html.count("<tr><td>2026-") == 12


def test_report_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'lb.sqlite3'}"
    with Logbook.open(url) as lb:
        seed_logbook(lb, days=5)
    out = tmp_path / "out" / "report.html"
    code, stdout, err = run("report", "--db", url, "--child", "sam", "--since", "2025-03-01", "--today", "2025-03-10", "-o", str(out))
    assert (code, err) == (0, "") and "wrote" in stdout
    check_self_contained(out.read_text())
    code, _, err = run("report", "--db", url, "--child", "Nobody", "-o", str(out))
    assert code == 2 and err == "wigglequest: error: no child called 'Nobody' in the logbook; children: Sam\n"
