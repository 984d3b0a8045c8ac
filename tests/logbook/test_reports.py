"""Reports render with data and without, hold no external reference, and say the right things."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lbhelpers import run, seed_logbook

from logbook.reports import _asymmetry, build_report, gather
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
    assert any(line.startswith("Jumping Jacks") or "jumping" in line.lower() for line in data.improvements), data.improvements
    domains = [d.name for d in data.domains]
    assert domains.index("bilateral coordination") < domains.index("balance") and domains[-1] == "other"
    jj = next(a for d in data.domains for a in d.activities if a.id == "jumping_jacks")
    assert len(jj.runs) == 6 and jj.runs[2].low_tracking and jj.chart is not None
    [side] = [s for s in jj.sides if s.name == "peak abduction deg"]
    assert (side.left, side.right, side.asymmetry) == ("113", "133", "+16%")  # means of 110+d, 130+d
    bubbles = next(a for d in data.domains for a in d.activities if a.id == "bubble_pop")
    assert [r.side for r in bubbles.reactions] == ["all", "left", "right"]
    assert bubbles.reactions[0].n == 48 and bubbles.reactions[0].median == "0.60 s"
    assert data.adherence is not None and data.adherence.sessions_share == pytest.approx(1.0)
    html = build_report(logbook, "Sam", today=TODAY)
    checker = check_self_contained(html)
    assert checker.tags.count("svg") == 4  # one trend chart per activity
    for words in ("6</b>days played", "Spring block", "Asymmetry index", "tracking 86%", "Reaction time",
                  "Bilateral coordination", "Balance", "Retired game", "prescription met on", "@media print"):
        assert words in html, words
    since = gather(logbook, "Sam", since=date(2025, 3, 8), today=TODAY)
    assert since.days_played == 2


def test_asymmetry_index() -> None:
    assert _asymmetry(10.0, 10.0) == "+0%"
    assert _asymmetry(8.0, 12.0) == "+40%"
    assert _asymmetry(12.0, 8.0) == "-40%"
    assert _asymmetry(None, 3.0) == "–" and _asymmetry(0.0, 0.0) == "–"


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
