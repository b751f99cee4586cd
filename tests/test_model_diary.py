"""The diary as data (model/diary.py): a bad entry or kept diary is named. (Files: test_model_diary_file.py.)"""
import json

import pytest

from backease.model.diary import FORMAT, VERSION, check_diary, check_entry, spec
from backease import DiaryError


GOOD = {"id": "a1", "date": "2026-03-01T09:00:00Z", "session": "Belly breathing", "pain_before": 6, "pain_after": 4,
        "feeling": "better", "finished": True, "done_seconds": 255}


@pytest.mark.parametrize("change, says", [
    ({"pain_after": 11}, "'pain_after' must be from 0 to 10, got 11"),
    ({"pain_before": 4.5}, "'pain_before' must be a whole number, got 4.5"),
    ({"feeling": "meh"}, "'feeling' must be one of better, same, worse, got 'meh'"),
    ({"date": "yesterday"}, "'date' must be a date and time"),
    ({"note": "x" * 501}, "'note' must be at most 500 characters"),
    ({"mood": "ok"}, "unknown field(s) 'mood'"),
    ({"session": None}, "missing 'session'"),
])
def test_a_bad_diary_entry_is_named(change, says):
    with pytest.raises(DiaryError, match=None) as err:
        check_entry({**GOOD, **change}, "entry 1")
    assert says in str(err.value)


def test_the_kept_diary():
    assert check_diary(json.loads(json.dumps({"format": FORMAT, "version": VERSION, "entries": [GOOD]}))) == [GOOD]
    for data, says in [({"format": "other"}, "not a diary exported from this guide"),
                       ({"format": FORMAT, "version": 9, "entries": []}, "version 9"),
                       ({"format": FORMAT, "version": VERSION, "entries": {}}, "'entries' must be a list")]:
        with pytest.raises(DiaryError, match=None) as err:
            check_diary(data, "f.json")
        assert says in str(err.value)
    assert "stays on this device" in spec()["privacy"]
