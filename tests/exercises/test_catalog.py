"""The catalog is consistent: thirteen fixed ids, schemas that check their own levels, metrics
defined in words with units, and only known cue ids in the activities' code."""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from exercises import catalog
from exercises.api import CLINICAL_DOMAINS, Activity, ActivityInfo
from exercises.events import CUES
from exercises.runner import run_activity
from tracking.synthetic.hand import HandPlace, HandShape, render_hand
from tracking.synthetic.motions.idle import StandingIdle
from tracking.synthetic.source import Snapshot, SyntheticSource

IDS = [
    "jumping_jacks", "arm_raises", "reach_stars", "flamingo_balance", "frog_squats", "bunny_hops",
    "march_in_place", "copy_the_pose", "bubble_pop", "air_trace", "finger_count", "finger_taps",
    "pinch_and_sort",
]
GROSS = IDS[:8]
ACTIVITIES_DIR = Path(catalog.__file__).parent / "activities"


def test_the_ids_are_fixed() -> None:
    assert catalog.ids() == IDS


@pytest.mark.parametrize("activity_id", IDS)
def test_module_loads_and_creates_fresh_activities(activity_id: str) -> None:
    info = catalog.info(activity_id)
    assert isinstance(info, ActivityInfo) and info.id == activity_id
    a, b = catalog.create(activity_id), catalog.create(activity_id)
    assert a is not b
    assert isinstance(a, Activity)
    assert a.info is info
    assert info.domain == ("gross" if activity_id in GROSS else "fine")
    assert info.needs in (("body", "both") if activity_id in GROSS else ("hands", "both"))
    assert info.name and info.skills
    assert info.clinical_domain in CLINICAL_DOMAINS, info.clinical_domain


@pytest.mark.parametrize("activity_id", IDS)
def test_schema_and_levels_agree(activity_id: str) -> None:
    info = catalog.info(activity_id)
    names = [p.name for p in info.params]
    assert len(names) == len(set(names)), "duplicate parameter names"
    assert {"adaptive", "min_level", "max_level", "duration_s"} <= set(names)
    for p in info.params:
        assert p.meaning, f"{p.name} has no meaning"
        assert p.check(p.default) == p.default, f"default of {p.name} fails its own check"
        if p.type == "choice":
            assert p.choices and p.default in p.choices
        if p.type in ("int", "float"):
            assert p.minimum is not None and p.maximum is not None and p.minimum <= p.maximum
    assert sorted(info.levels) == [1, 2, 3, 4, 5]
    for level, values in info.levels.items():
        for name, value in values.items():
            assert name in names, f"level {level} sets unknown parameter {name}"
            assert info.param(name).check(value) == value, f"level {level}: {name}={value!r}"
        params = catalog.resolve_params(activity_id, level)
        assert params["level"] == level
        for name, value in values.items():
            assert params[name] == value
    assert set(info.sides) <= {"left", "right", "both", "either"}
    if info.seated_variant:
        assert "seated" in names


@pytest.mark.parametrize("activity_id", IDS)
def test_metrics_are_defined_in_words_with_units(activity_id: str) -> None:
    info = catalog.info(activity_id)
    keys = [(m.name, m.per_side) for m in info.metrics]  # a name may be overall and per side
    assert keys and len(keys) == len(set(keys))
    for m in info.metrics:
        assert m.unit, f"{m.name} has no unit"
        assert len(m.meaning) >= 10, f"{m.name} is not explained"


def test_required_metrics() -> None:
    assert "longest_hold_s" in {m.name for m in catalog.info("flamingo_balance").metrics}
    assert "pinches" in {m.name for m in catalog.info("bubble_pop").metrics}


def _cue_strings(tree: ast.AST) -> list[tuple[int, str]]:
    """String literals passed to `cue(...)`, `Cue(...)`, or returned by `*_cue` methods."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = node.func
            name = fn.attr if isinstance(fn, ast.Attribute) else fn.id if isinstance(fn, ast.Name) else ""
            if name in ("cue", "Cue"):
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.append((node.lineno, arg.value))
        if isinstance(node, ast.FunctionDef) and node.name.endswith("_cue"):
            for sub in ast.walk(node):
                if isinstance(sub, ast.Return) and isinstance(sub.value, ast.Constant) \
                        and isinstance(sub.value.value, str):
                    found.append((sub.lineno, sub.value.value))
    return found


def test_every_cue_in_the_activities_code_is_known() -> None:
    files = sorted(ACTIVITIES_DIR.glob("*.py"))
    assert len(files) >= 13
    used = 0
    for path in files:
        for line, cue in _cue_strings(ast.parse(path.read_text(), str(path))):
            used += 1
            assert cue in CUES, f"{path.name}:{line} uses unknown cue {cue!r}"
    assert used >= 13  # the check saw real cue calls


@dataclass(frozen=True)
class IdleWithHands:
    """A child standing still with both open hands held up: nothing to count."""

    duration: float = 3.0

    def __call__(self, t: float) -> Snapshot:
        body = StandingIdle(duration=self.duration)(t).body
        hands = (render_hand(HandShape.open(), HandPlace(x=0.35, y=0.5, side="left")),
                 render_hand(HandShape.open(), HandPlace(x=0.65, y=0.5, side="right")))
        return Snapshot(body, hands)


@pytest.fixture(scope="module")
def idle_frames() -> list:
    return SyntheticSource(IdleWithHands(), seed=0).frames()


@pytest.mark.parametrize("activity_id", IDS)
def test_idle_child_counts_nothing_and_results_use_declared_metrics(activity_id: str,
                                                                    idle_frames: list) -> None:
    info = catalog.info(activity_id)
    result, _ = run_activity(activity_id, idle_frames, level=1)
    assert result.activity_id == activity_id
    assert result.reps in (0, None)
    declared = {m.name for m in info.metrics}
    assert set(result.metrics) <= declared, set(result.metrics) - declared
    per_side_declared = {m.name for m in info.metrics if m.per_side}
    for side, values in result.per_side.items():
        assert side in ("left", "right")
        assert set(values) <= per_side_declared, set(values) - per_side_declared
    assert 0.0 <= result.tracking_quality <= 1.0
    if result.success_rate is not None:
        assert 0.0 <= result.success_rate <= 1.0


def test_activity_modules_import_nothing_forbidden() -> None:
    for path in ACTIVITIES_DIR.glob("*.py"):
        module = importlib.import_module(f"exercises.activities.{path.stem}")
        assert module is not None
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in ("pygame", "cv2", "mediapipe"), f"{path.name}: {name}"
