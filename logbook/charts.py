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


@dataclass(frozen=True)
class Series:
    label: str
    unit: str
    times: Sequence[datetime]
    values: Sequence[float | None]
    tracking: Sequence[float]


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


def trend_chart(series: Sequence[Series], salt: str) -> str:
    """One small panel per series, shared time axis; hollow points mark low tracking quality."""
    fig = Figure(figsize=(6.4, 1.55 * len(series) + 0.4), layout="constrained")
    axes = fig.subplots(len(series), 1, sharex=True, squeeze=False)[:, 0]
    for i, (ax, s) in enumerate(zip(axes, series, strict=True)):
        colour = COLOURS[i % len(COLOURS)]
        points = [(t, v, q) for t, v, q in zip(s.times, s.values, s.tracking, strict=True) if v is not None]
        if points:
            ts, vs, qs = zip(*points, strict=True)
            ax.plot(ts, vs, color=colour, linewidth=1.4)
            good = [(t, v) for t, v, q in points if q >= LOW_TRACKING]
            poor = [(t, v) for t, v, q in points if q < LOW_TRACKING]
            if good:
                ax.scatter(*zip(*good, strict=True), color=colour, s=22, zorder=3)
            if poor:
                ax.scatter(*zip(*poor, strict=True), facecolors="white", edgecolors=colour, s=22, zorder=3)
            low, high = min(vs), max(vs)
            if low == high:
                ax.set_ylim(low - 1 if low == 0 else low * 0.8, high + 1 if high == 0 else high * 1.2)
        ax.set_ylabel(f"{s.label}\n({s.unit})" if s.unit else s.label, fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.25)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    moments = [t for s in series for t in s.times]
    if moments and min(moments) == max(moments):  # one moment: widen to a day each side
        axes[-1].set_xlim(min(moments) - timedelta(days=1), max(moments) + timedelta(days=1))
    locator = mdates.AutoDateLocator(minticks=2, maxticks=8)
    axes[-1].xaxis.set_major_locator(locator)
    axes[-1].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    return to_inline_svg(fig, salt)

