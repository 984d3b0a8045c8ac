"""Counting accuracy: run `count` on labelled clips and compare with what a person counted.

    python -m benchmarks.accuracy --clips DIR --labels labels.csv

labels.csv columns: clip,activity,measure,low,high — `measure` is `reps` or a metric name; a
clip passes when the counted figure lies in [low, high].  An optional `params` column gives
`count --param` settings separated by ";" (e.g. reps=50, so a long clip is not cut at the
activity's default goal).  benchmarks/make_accuracy_set.py writes a synthetic labelled set.  Clips may be videos (the real
tracker runs) or landmark recordings.  Prints counted against expected per clip, then the
exact-match rate and the mean absolute error (distance to the nearest end of the range).
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks._cli import count_json, table


@dataclass(frozen=True)
class Label:
    clip: str
    activity: str
    measure: str
    low: float
    high: float
    params: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    label: Label
    counted: float | None
    error: str = ""

    @property
    def passed(self) -> bool:
        return self.counted is not None and self.label.low <= self.counted <= self.label.high

    @property
    def abs_error(self) -> float | None:
        if self.counted is None:
            return None
        if self.passed:
            return 0.0
        return min(abs(self.counted - self.label.low), abs(self.counted - self.label.high))


def read_labels(path: Path) -> list[Label]:
    with path.open(newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"clip", "activity", "measure", "low", "high"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        return [
            Label(r["clip"], r["activity"], r["measure"], float(r["low"]), float(r["high"]),
                  tuple(p.strip() for p in (r.get("params") or "").split(";") if p.strip()))
            for r in reader
        ]


def measure(clips: Path, label: Label) -> Outcome:
    try:
        extra = [arg for p in label.params for arg in ("--param", p)]
        result = count_json(str(clips / label.clip), label.activity, extra)
    except (RuntimeError, ValueError) as exc:
        return Outcome(label, None, str(exc))
    if label.measure == "reps":
        value = result.get("reps")
    else:
        value = result.get("metrics", {}).get(label.measure)
    if value is None:
        return Outcome(label, None, f"no {label.measure} in the result")
    return Outcome(label, float(value))


def _expected(label: Label) -> str:
    return f"{label.low:g}" if label.low == label.high else f"{label.low:g}..{label.high:g}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clips", type=Path, required=True)
    parser.add_argument("--labels", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        labels = read_labels(args.labels)
    except (OSError, ValueError, KeyError) as exc:
        print(f"accuracy: error: {exc}", file=sys.stderr)
        return 2
    if not args.clips.is_dir():
        print(f"accuracy: error: not a folder: {args.clips}", file=sys.stderr)
        return 2
    if not labels:
        print(f"accuracy: error: {args.labels} has no rows", file=sys.stderr)
        return 2
    outcomes = [measure(args.clips, label) for label in labels]
    rows = [
        [o.label.clip, o.label.activity, o.label.measure, _expected(o.label),
         "-" if o.counted is None else f"{o.counted:g}", "pass" if o.passed else (o.error or "FAIL")]
        for o in outcomes
    ]
    print(table(rows, ["clip", "activity", "measure", "expected", "counted", "verdict"]))
    errors = [o.abs_error for o in outcomes if o.abs_error is not None]
    exact = sum(o.passed for o in outcomes) / len(outcomes) if outcomes else 0.0
    mae = sum(errors) / len(errors) if errors else float("nan")
    print(f"accuracy: exact-match {exact:.0%} of {len(outcomes)} clips, mean absolute error {mae:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
