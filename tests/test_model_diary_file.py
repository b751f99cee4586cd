"""The diary file (model/diary_file.py): the diary with the home plan and conditions; an old diary-only file
still reads; a damaged, foreign or too-new file is refused whole, its error naming the part and the bad value."""
from __future__ import annotations

import json
from datetime import date

import pytest

from backease import ConditionsError, DiaryError, HomePlanError, load_diary, load_diary_file
from backease.model.diary import FORMAT
from backease.model.diary_file import PROBLEMS, VERSION, DiaryFile, read_data, read_file
from backease.model.home import HomePlan, Stored

ENTRY = {"id": "a1", "date": "2027-01-05T09:00:00Z", "session": "Home programme, week 1", "home_session": "home-week-1",
         "how_it_went": "too-easy", "pain_before": 4}
STORED = Stored(HomePlan((1, 3, 5), date(2027, 1, 4), ("osteoporosis",)), ("e1:string",), "07:30")
WHOLE = DiaryFile([ENTRY], STORED, ("osteoporosis", "pregnancy"))


def test_a_file_holds_the_diary_the_plan_and_the_conditions(tmp_path):
    data = WHOLE.to_dict()
    assert data["version"] == VERSION == 2 and data["home_plan"] == STORED.to_dict()
    path = tmp_path / "diary.json"
    path.write_text(json.dumps(data))
    assert load_diary_file(path) == DiaryFile([ENTRY], STORED, ("pregnancy", "osteoporosis"))  # the shared list's order
    assert load_diary(path) == [ENTRY]
    assert read_data({**data, "home_plan": None, "conditions": None}) == DiaryFile([ENTRY])
    assert read_data({"format": FORMAT, "version": 2.0, "entries": []}) == DiaryFile([])  # both parts may be left out


def test_an_old_diary_only_file_still_reads():
    old = {"format": FORMAT, "version": 1, "entries": [ENTRY], "exported_by": "an older guide"}
    assert read_data(old) == DiaryFile([ENTRY], None, None)


GOOD = WHOLE.to_dict()


@pytest.mark.parametrize("data, error, says", [
    ({"format": "backease-my-routine", "version": 1}, DiaryError, PROBLEMS["foreign"].format(source="This file")),
    ([GOOD], DiaryError, PROBLEMS["foreign"].format(source="This file")),
    ({**GOOD, "version": 3}, DiaryError, PROBLEMS["newer"].format(source="This file")),
    ({**GOOD, "version": "2"}, DiaryError, PROBLEMS["version"].format(source="This file")),
    ({**GOOD, "version": True}, DiaryError, PROBLEMS["version"].format(source="This file")),
    ({**GOOD, "version": 1.5}, DiaryError, PROBLEMS["version"].format(source="This file")),
    ({**GOOD, "photos": []}, DiaryError, "This file holds a part this guide does not know: \u201cphotos\u201d"),
    ({**GOOD, "entries": {}}, DiaryError, PROBLEMS["entries"].format(source="This file")),
    ({**GOOD, "entries": [ENTRY, {**ENTRY, "pain_after": 11}]}, DiaryError,
     "This file's diary, entry 2: 'pain_after' must be from 0 to 10, got 11"),
    ({**GOOD, "home_plan": {**GOOD["home_plan"], "plan": {"days": [1, "Funday", 3], "start": "2027-01-04"}}},
     HomePlanError, "This file's home plan: the days must be a list of weekday numbers"),
    ({**GOOD, "home_plan": {**GOOD["home_plan"], "reminder": "25:00"}}, HomePlanError,
     "This file's home plan: 'reminder' must be a time of day like 18:00, got '25:00'"),
    ({**GOOD, "home_plan": {**GOOD["home_plan"], "version": 2}}, HomePlanError, "This file's home plan has version 2"),
    ({**GOOD, "conditions": "pregnancy"}, ConditionsError, PROBLEMS["conditions"].format(source="This file")),
    ({**GOOD, "conditions": ["pregnancy", "gout"]}, ConditionsError,
     "This file's conditions name one this guide does not know: \u201cgout\u201d"),
])
def test_a_bad_file_names_the_part_and_the_value(data, error, says):
    with pytest.raises(error) as err:
        read_data(json.loads(json.dumps(data)))
    assert str(err.value).startswith(says), str(err.value)


@pytest.mark.parametrize("text", ["{", "", "\x89PNG", '{"format": "backease-diary", "version": NaN, "entries": []}'])
def test_a_file_that_is_not_json_is_refused(text):
    with pytest.raises(DiaryError, match="is not a diary exported from this guide: it is not JSON"):
        read_file(text)


def test_an_unreadable_file_is_named(tmp_path):
    with pytest.raises(DiaryError, match="missing.json: cannot read it"):
        load_diary_file(tmp_path / "missing.json")
