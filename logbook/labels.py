"""Words for figures: metric names as a reader says them, units once, and values formatted.

Stored metric names carry their unit as a suffix (`longest_hold_s`, `peak_abduction_deg`) so code
never mixes units; a report shows "longest hold (s)" instead.  Shares (0..1) are shown as
0–100% and clamped there, so a bad stored value never reads as "114%".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from exercises import catalog
from exercises.api import MetricSpec

# Name suffix -> the unit it stands for (used when the catalog has no MetricSpec for a name).
SUFFIX_UNITS: tuple[tuple[str, str], ...] = (
    ("_per_min", "/min"), ("_per_s", "/s"), ("_spm", "steps/min"), ("_pct", "%"), ("_deg", "deg"),
    ("_ms", "ms"), ("_hw", "hip widths"), ("_torso", "torso lengths"), ("_s", "s"),
)
# Names that read badly once their suffix is gone.
NAME_WORDS: dict[str, str] = {
    "hops_per_min": "hop rate", "taps_per_s": "tap rate", "rhythm_cv": "rhythm variation",
    "tempo_s": "tempo", "time_s": "time per shape", "cadence_spm": "cadence",
    "success_rate": "success rate", "asymmetry_index": "asymmetry index", "reaction_s": "reaction time",
    "transport_s": "transport time", "asymmetry_longest_hold": "asymmetry index of the longest hold",
    "asymmetry_success": "asymmetry index of the success rate",
}
UNIT_SHOWN: dict[str, str] = {"deg": "°", "0..1": "%", "share": "%"}
COUNT_UNITS = frozenset({"count", "reps", ""})
# Shares stored as 0..1 under the unit "ratio"; other ratios (a coefficient of variation) are not.
RATIO_SHARES = ("accuracy", "coverage", "rate", "share")

@dataclass(frozen=True)
class Label:
    words: str  # "longest hold"
    unit: str  # "s", "%", "°" or "" for plain counts

    def __str__(self) -> str:
        return f"{self.words} ({self.unit})" if self.unit else self.words


def bare_words(name: str) -> str:
    """`longest_hold_s` -> "longest hold"."""
    if name in NAME_WORDS:
        return NAME_WORDS[name]
    for suffix, _ in SUFFIX_UNITS:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return name.replace("_", " ").strip()


def suffix_unit(name: str) -> str:
    for suffix, unit in SUFFIX_UNITS:
        if name.endswith(suffix) and len(name) > len(suffix):
            return unit
    return ""


def is_share(name: str, unit: str) -> bool:
    """Stored as 0..1, shown as 0–100%."""
    return unit in ("0..1", "share") or (unit == "ratio" and any(w in name for w in RATIO_SHARES))


def metric_label(name: str, spec: MetricSpec | None = None) -> Label:
    """Words without the unit suffix, plus the unit once: "longest hold (s)", "reps", "accuracy (%)"."""
    words = bare_words(name)
    unit = spec.unit if spec is not None and spec.unit else suffix_unit(name)
    if is_share(name, unit):
        return Label(words, "%")
    if unit in COUNT_UNITS or words == unit or words.endswith(" " + unit):
        return Label(words, "")
    return Label(words, UNIT_SHOWN.get(unit, unit))


def shown_value(value: float, name: str, unit: str) -> float:
    """The number as displayed: shares become percentages clamped to 0–100."""
    return clamp_share(value) * 100 if is_share(name, unit) else value


def clamp_share(value: float) -> float:
    return min(1.0, max(0.0, value))


def fmt(value: float | None, unit: str = "", whole: bool = False) -> str:
    """Compact number plus unit ("3.5 s", "12", "88%", "147°"); "–" when there is none.
    Percentages and `whole` numbers (counts a parent reads) have no decimals."""
    if value is None:
        return "–"
    if whole or unit == "%" or abs(value) >= 100 or float(value).is_integer():
        text = str(math.floor(value + 0.5))  # half up: 6.5 jumps reads as 7, not 6
    elif abs(value) < 1:
        text = f"{value:.2g}"
    else:
        text = f"{value:.1f}"
    text = text.replace("-", "−")
    if unit in ("%", "°"):
        return text + unit
    return f"{text} {unit}" if unit else text


def fmt_metric(value: float | None, name: str, spec: MetricSpec | None = None, *, cell: bool = False) -> str:
    """A metric's value as shown: with its unit in a sentence ("3.5 s", "88%", but counts bare:
    "23"), or the number alone in a table `cell` whose row label carries the unit."""
    if value is None:
        return "–"
    unit = spec.unit if spec is not None and spec.unit else suffix_unit(name)
    label = metric_label(name, spec)
    shown = shown_value(float(value), name, unit)
    if cell:
        return fmt(shown, whole=label.unit == "%")
    if label.unit in ("s", "%", "°") or "/" in label.unit or " " in label.unit:
        return fmt(shown, label.unit)  # a measure: "3.5 s", "0.8 arm lengths"
    return fmt(shown, whole=True)  # a count ("bubbles", "reps"): the words around it name it


def parent_words(activity_id: str, main_measure: str) -> tuple[str, str]:
    """(figure name, words a parent uses for it), e.g. ("pops", "bubbles popped"), from the
    activity's own catalog entry: its counted figure in its count words, or its main measure
    (a time, say) in plain words."""
    try:
        info = catalog.info(activity_id)
    except KeyError:
        return main_measure, bare_words(main_measure)
    if info.main_measure in ("reps", info.goal_measure):
        return info.goal_measure, info.count_words[1]
    return info.main_measure, bare_words(info.main_measure)
