"""Small matplotlib charts rendered to inline SVG (Agg-free vector output, no pyplot state).

The SVG is cleaned for embedding in HTML: no XML prolog, no DOCTYPE, no namespace URLs and no
metadata, so the report holds no external reference at all.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import matplotlib

matplotlib.use("Agg")

from matplotlib import dates as mdates  # noqa: E402
from matplotlib import rc_context  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

LOW_TRACKING = 0.6
COLOURS = ("#2f6db5", "#d9822b", "#3a9e5c", "#a64ca6")
SIDE_COLOURS = {"left": "#2f6db5", "right": "#d9822b"}
SIDE_MARKERS = {"left": "o", "right": "s"}


@dataclass(frozen=True)
class Line:
    name: str  # "" for a single line; "left" / "right" for a per-side figure
    values: Sequence[float | None]  # one per run, as displayed (shares already in %)


@dataclass(frozen=True)
class Panel:
    label: str  # "longest hold"
    unit: str  # "s", "%", "" ...
    lines: Sequence[Line]
    share: bool = False  # a 0–100% figure: the axis shows the whole range


def to_inline_svg(fig: Figure, salt: str) -> str:
    buffer = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", svg)
    svg = re.sub(r'<svg([^>]*?)\swidth="[^"]*"\s+height="[^"]*"', r'<svg\1 class="chart"', svg, count=1)
    return svg.strip()


def trend_chart(panels: Sequence[Panel], times: Sequence[datetime], tracking: Sequence[float], salt: str) -> str:
    """One small panel per figure over the runs' times; hollow points mark low tracking quality."""
    fig = Figure(figsize=(6.4, 1.45 * len(panels) + 0.45), layout="constrained")
    axes = fig.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    for i, (ax, panel) in enumerate(zip(axes, panels, strict=True)):
        shown: list[float] = []
        for line in panel.lines:
            colour = SIDE_COLOURS.get(line.name, COLOURS[i % len(COLOURS)])
            marker = SIDE_MARKERS.get(line.name, "o")
            points = [(t, v, q) for t, v, q in zip(times, line.values, tracking, strict=True) if v is not None]
            if not points:
                continue
            ts, vs, _ = zip(*points, strict=True)
            shown.extend(vs)
            ax.plot(ts, vs, color=colour, linewidth=1.4, label=line.name or None)
            good = [(t, v) for t, v, q in points if q >= LOW_TRACKING]
            poor = [(t, v) for t, v, q in points if q < LOW_TRACKING]
            if good:
                ax.scatter(*zip(*good, strict=True), color=colour, marker=marker, s=20, zorder=3)
            if poor:
                ax.scatter(*zip(*poor, strict=True), facecolors="white", edgecolors=colour, marker=marker, s=20, zorder=3)
        if panel.share:
            ax.set_ylim(-3, 103)
        elif shown and min(shown) == max(shown):
            low = min(shown)
            ax.set_ylim(low - 1 if low == 0 else low - abs(low) * 0.2, low + 1 if low == 0 else low + abs(low) * 0.2)
        if any(line.name for line in panel.lines):
            ax.legend(fontsize=7, frameon=False, loc="best", ncols=2)
        ax.set_ylabel(f"{panel.label}\n({panel.unit})" if panel.unit else panel.label, fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.25)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    if times and max(times) - min(times) < timedelta(days=2):  # runs within a day or two: widen
        middle = min(times) + (max(times) - min(times)) / 2
        axes[-1].set_xlim(middle - timedelta(days=1.5), middle + timedelta(days=1.5))
    locator = mdates.AutoDateLocator(minticks=2, maxticks=7)
    axes[-1].xaxis.set_major_locator(locator)
    axes[-1].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    return to_inline_svg(fig, salt)
