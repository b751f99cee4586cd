"""Routine files (model/routine_files.py): round trips, and a bad file named with its step and value."""
import json

import pytest
import yaml

from backease import RoutineError, ROUTINES, load_routine, routine_from_dict, save_routine


def test_library_routine_round_trips_through_files(tmp_path):
    for r in ROUTINES.values():
        assert load_routine(save_routine(r, tmp_path / f"{r.name}.yml")) == r
        assert routine_from_dict(json.loads(json.dumps(r.to_dict()))) == r


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data) if name.endswith(".json") else yaml.safe_dump(data))
    return path


GOOD = {"name": "mine", "title": "Mine", "steps": [{"label": "Stretch", "seconds": 30}]}


@pytest.mark.parametrize("change, message", [
    ({"steps": [{"label": "Stretch", "seconds": -30}]}, r"step 1 \('Stretch'\): 'seconds' must be more than zero, got -30"),
    ({"steps": [{"label": "A", "seconds": 5}, {"label": "B", "side": "top", "seconds": 5}]},
     r"step 2 \('B'\): 'side' must be one of .* got 'top'"),
    ({"steps": [{"seconds": 5}]}, r"step 1: missing 'label'"),
    ({"steps": [{"label": "A", "secs": 5}]}, r"step 1 \('A'\): unknown field\(s\) 'secs'"),
    ({"steps": [{"label": "A", "seconds": 5, "breathing": {"inhale": 4, "exhale": "slow"}}]},
     r"step 1 \('A'\): breathing 'exhale' must be a number of seconds, got 'slow'"),
    ({"steps": []}, r"routine 'mine' has no steps"),
    ({"steps": "stretch"}, r"'steps' must be a list of steps, got 'stretch'"),
    ({"colour": "red"}, r"unknown field\(s\) 'colour'"),
    ({"title": ""}, r"'title' must not be empty"),
])
@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_bad_file_names_the_file_the_step_and_the_value(tmp_path, change, message, suffix):
    path = write(tmp_path, f"mine{suffix}", {**GOOD, **change})
    with pytest.raises(RoutineError, match=message) as err:
        load_routine(path)
    assert str(err.value).startswith(str(path))


def test_missing_field_in_file(tmp_path):
    path = write(tmp_path, "x.json", {"name": "x", "steps": []})
    with pytest.raises(RoutineError, match=r"x.json: missing 'title'"):
        load_routine(path)


def test_broken_and_unknown_files(tmp_path):
    bad_json = tmp_path / "r.json"
    bad_json.write_text("{not json")
    with pytest.raises(RoutineError, match=r"r.json: not valid JSON"):
        load_routine(bad_json)
    bad_yaml = tmp_path / "r.yaml"
    bad_yaml.write_text("steps: [unclosed")
    with pytest.raises(RoutineError, match=r"r.yaml: not valid YAML"):
        load_routine(bad_yaml)
    with pytest.raises(RoutineError, match=r"unknown file type '.txt'"):
        load_routine(tmp_path / "r.txt")
    with pytest.raises(RoutineError, match=r"cannot read the file"):
        load_routine(tmp_path / "absent.json")
    not_a_mapping = write(tmp_path, "list.yaml", [1, 2])
    with pytest.raises(RoutineError, match=r"list.yaml: expected a mapping of fields, got \[1, 2\]"):
        load_routine(not_a_mapping)


def test_a_routine_file_keeps_its_positions():
    routine = ROUTINES["strength-and-habits"]
    assert routine_from_dict(routine.to_dict()) == routine
