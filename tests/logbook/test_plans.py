"""Plan files: the examples are valid; every kind of bad input gives one clear line and exit 2."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lbhelpers import run

from logbook.plans import PlanError, load_plan, place

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "assets" / "plans").glob("*"))
GOOD = {
    "child": "Sam",
    "valid_from": "2025-03-03",
    "valid_to": "2025-04-27",
    "sessions_per_week": 4,
    "items": [
        {"activity": "jumping_jacks", "reps": 10, "level": 2, "min_level": 1, "max_level": 3},
        {"activity": "flamingo_balance", "minutes": 1.5, "side": "left", "params": {"hold_s": 5}},
        {"activity": "bubble_pop", "reps": 12, "side": "either", "params": {"bubble_radius": 0.08}},
    ],
}


def write(tmp_path: Path, data: object, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else (json.dumps(data) if name.endswith(".json") else yaml.safe_dump(data)))
    return path


def test_examples_are_valid() -> None:
    assert len(EXAMPLES) >= 2
    for path in EXAMPLES:
        plan = load_plan(path)
        assert plan.items
        code, out, err = run("plan", "validate", str(path))
        assert (code, err) == (0, "") and "ok" in out


def test_good_plan_in_yaml_and_json(tmp_path: Path) -> None:
    for name in ("plan.yaml", "plan.json"):
        plan = load_plan(write(tmp_path, GOOD, name))
        assert [i.activity for i in plan.items] == ["jumping_jacks", "flamingo_balance", "bubble_pop"]
        assert plan.items[1].minutes == 1.5 and plan.items[0].low == 1 and plan.items[0].high == 3


def bad(**changes: object) -> dict:
    data = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        target, *path = key.split("__")
        node = data
        keys = [target, *path]
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node[k]
        last = keys[-1]
        if value is DELETE:
            del node[int(last) if isinstance(node, list) else last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return data


DELETE = object()

CASES = [
    # (description, data or text, expected place, expected words)
    ("unknown activity", bad(items__0__activity="moonwalk"), "items[0].activity", "unknown activity 'moonwalk'; known: jumping_jacks"),
    ("unknown parameter", bad(items__1__params={"wings": 2}), "items[1].params.wings", "has no parameter 'wings'; it has:"),
    ("parameter out of range", bad(items__1__params={"hold_s": 500}), "items[1].params.hold_s", "between 1 and 60"),
    ("parameter wrong type", bad(items__2__params={"bubble_radius": "big"}), "items[2].params.bubble_radius", "must be a number"),
    ("item field in params", bad(items__0__params={"reps": 5}), "items[0].params.reps", "set reps on the item itself"),
    ("reps too many for the activity", bad(items__0__reps=80), "items[0].reps", "between 1 and 50"),
    ("reps not a number", bad(items__0__reps="ten"), "items[0].reps", "must be a whole number from 1 to 1000, not 'ten'"),
    ("reps a fraction", bad(items__0__reps=2.5), "items[0].reps", "whole number"),
    ("reps and minutes", bad(items__0__minutes=2), "items[0]", "either reps or minutes"),
    ("neither reps nor minutes", bad(items__0__reps=DELETE), "items[0]", "either reps or minutes"),
    ("minutes too long", bad(items__1__minutes=90), "items[1].minutes", "at most 60"),
    ("level out of range", bad(items__0__level=9), "items[0].level", "whole number from 1 to 5"),
    ("level outside its bounds", bad(items__0__level=4), "items[0]", "within min_level 1 .. max_level 3"),
    ("side not offered", bad(items__0__side="left"), "items[0].side", "jumping_jacks can be played with side: both"),
    ("side unknown", bad(items__1__side="middle"), "items[1].side", "one of left, right, both, either"),
    ("missing activity", bad(items__0__activity=DELETE), "items[0].activity", "is missing"),
    ("misspelt item field", bad(items__0__repz=3), "items[0].repz", "not a plan field; allowed here: activity, params"),
    ("misspelt plan field", bad(sesions_per_week=3), "sesions_per_week", "not a plan field; allowed here: child"),
    ("bad date", bad(valid_from="next monday"), "valid_from", "a date like 2025-03-01"),
    ("date as a number", bad(valid_from=2025), "valid_from", "a date like 2025-03-01"),
    ("dates reversed", bad(valid_to="2025-01-01"), "", "valid_to 2025-01-01 is before valid_from 2025-03-03"),
    ("sessions per week zero", bad(sessions_per_week=0), "sessions_per_week", "1 to 14"),
    ("no items", bad(items=[]), "items", "list of 1 to 50"),
    ("items not a list", bad(items="jumping_jacks"), "items", "list of 1 to 50"),
    ("item not a mapping", bad(items__0="jumping_jacks"), "items[0]", "must be an item mapping"),
    ("params not a mapping", bad(items__1__params=[1, 2]), "items[1].params", "mapping of parameter name to value"),
    ("plan is a list", [GOOD], "", "a plan must be a mapping"),
    ("empty file", "", "", "is empty"),
    ("yaml syntax", "valid_from: [2025\nitems: {", "line ", "not valid YAML"),
    ("tabs in yaml", "items:\n\t- activity: x\n", "line 2", "not valid YAML"),
]


@pytest.mark.parametrize(("what", "data", "where", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_plans_name_file_place_and_what_is_allowed(tmp_path: Path, what: str, data: object, where: str, words: str) -> None:
    path = write(tmp_path, data)
    with pytest.raises(PlanError) as err:
        load_plan(path)
    message = str(err.value)
    assert message.startswith(f"{path}: {where}"), message
    assert words in message, message
    code, out, stderr = run("plan", "validate", str(path))
    assert code == 2 and out == ""
    assert stderr == f"wigglequest: error: {message}\n"


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (b'{"valid_from": "2025-03-01", "items": [}', "plan.json", "line 1 column 40: not valid JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "plan.yaml", "not UTF-8 text"),
        (b"valid_from: 2025-03-01\x00\x00", "plan.yaml", "binary file"),
        (b"[" * 5000 + b"]" * 5000, "plan.json", "nested too deeply"),
        (b"a: &a [*a]\n", "plan.yaml", "items: is missing"),
        (b"valid_from: 2025-03-01\nitems: &a [*a]\n", "plan.yaml", "items[0]: must be an item mapping"),
        (b"- &a [*a]\n", "plan.yaml", "a plan must be a mapping"),
    ],
)
def test_malformed_files(tmp_path: Path, content: bytes, name: str, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = run("plan", "validate", str(path))
    assert code == 2 and words in err and err.count("\n") == 1, err


def test_missing_file_and_folder(tmp_path: Path) -> None:
    code, _, err = run("plan", "validate", str(tmp_path / "nope.yaml"))
    assert code == 2 and err == f"wigglequest: error: {tmp_path / 'nope.yaml'}: no such file\n"
    code, _, err = run("plan", "validate", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_place_formatting() -> None:
    assert place(("items", 2, "params", "reps")) == "items[2].params.reps"
    assert place(("valid_from",)) == "valid_from"


# -- fuzzing -------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.sampled_from(["jumping_jacks", "bubble_pop", "2025-03-01", "left", "nan", "1e999"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(string.ascii_lowercase + "_", max_size=10), inner, max_size=4)), max_leaves=12)
FIELDS = ["child", "name", "valid_from", "valid_to", "sessions_per_week", "notes", "items"]
ITEM_FIELDS = ["activity", "params", "level", "min_level", "max_level", "reps", "minutes", "side"]


@st.composite
def mutated_plans(draw: st.DrawFn) -> object:
    data = json.loads(json.dumps(GOOD))
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            data[draw(st.sampled_from(FIELDS + ["extra"]))] = draw(values)
        elif isinstance(data.get("items"), list) and data["items"]:
            item = data["items"][draw(st.integers(0, len(data["items"]) - 1))]
            if isinstance(item, dict):
                key = draw(st.sampled_from(ITEM_FIELDS + ["params.hold_s", "params.side", "params.bubble_radius"]))
                if key.startswith("params."):
                    item.setdefault("params", {})
                    if isinstance(item["params"], dict):
                        item["params"][key[7:]] = draw(values)
                else:
                    item[key] = draw(values)
    return data


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def check_cli(path: Path) -> None:
    code, _, err = run("plan", "validate", str(path))
    assert code in (0, 2)
    if code == 2:
        assert err.startswith(f"wigglequest: error: {path}") and err.count("\n") == 1, err
        assert "Traceback" not in err
    else:
        assert err == ""


@FUZZ
@given(plan=mutated_plans(), as_json=st.booleans())
def test_fuzz_mutated_plans(tmp_path_factory: pytest.TempPathFactory, plan: object, as_json: bool) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / ("plan.json" if as_json else "plan.yaml")
    try:
        path.write_text(json.dumps(plan) if as_json else yaml.safe_dump(plan))
    except (ValueError, yaml.YAMLError):
        return
    check_cli(path)


@FUZZ
@given(content=st.one_of(st.text(max_size=300), st.binary(max_size=300), values.map(lambda v: json.dumps(v))), suffix=st.sampled_from([".yaml", ".json", ".txt"]))
def test_fuzz_arbitrary_files(tmp_path_factory: pytest.TempPathFactory, content: str | bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"plan{suffix}"
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    check_cli(path)
