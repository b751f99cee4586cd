"""Home practice as data: timer texts and cues, switch pauses, the diary's checks, shared routines."""
import base64
import io
import json
import wave

import pytest

from backease import SessionTimer, format_duration, get_routine, load_diary
from backease.model.diary import FIELDS, FORMAT, VERSION, check_diary, check_entry, spec
from backease.widgets.my_routine import MyRoutine, as_plan, from_fragment, payload, to_fragment
from backease import DiaryError, RoutineError
from backease.model.routines import spoken_duration
from backease.widgets.timer import session_key
from backease.model.timer_cues import RATE, TONES, GAP, cues


def test_segments_carry_the_texts_the_timer_shows_and_says():
    left = get_routine("hamstring-stretch").segments()[1].to_dict()
    assert left["heading"] == "Hamstring stretch, left side"
    assert left["spoken"].startswith("Hamstring stretch, left side. 30 seconds. Reach towards")
    reps = get_routine("dead-bug").segments()[1].to_dict()
    assert reps["heading"] == "Dead bug, 20 repetitions" and "1 minute 20 seconds" in reps["spoken"]
    assert [spoken_duration(s) for s in (1, 60, 61, 150)] == [
        "1 second", "1 minute", "1 minute 1 second", "2 minutes 30 seconds"]


def test_switch_pauses_come_from_the_library_and_say_whose_they_are():
    hip = get_routine("hip-flexor-stretch")
    assert hip.switch == 20 and "guide's own" in hip.notes
    assert [s.seconds for s in hip.segments() if s.kind == "switch"] == [20]
    assert get_routine("psoas").switch == 15 and "guide's own" in get_routine("psoas").notes


@pytest.mark.parametrize("kind", TONES)
def test_tones_are_wav_files_of_the_right_length(kind):
    uri = cues()["tones"][kind]
    assert uri.startswith("data:audio/wav;base64,")
    with wave.open(io.BytesIO(base64.b64decode(uri.split(",")[1]))) as w:
        assert (w.getframerate(), w.getnchannels()) == (RATE, 1)
        expected = sum(int(s * RATE) + int(GAP * RATE) for _, s in TONES[kind])
        assert w.getnframes() == expected


def test_timer_state_keys_a_saved_place_to_its_session():
    one, two = SessionTimer("breathing"), SessionTimer("hip-flexor-stretch")
    assert one.session_id and one.session_id != two.session_id
    assert SessionTimer("breathing").session_id == one.session_id
    one.segments = two.segments  # Python sets another session: its place is kept under that session's key
    assert one.session_id == session_key(one.title, two.segments) != SessionTimer("breathing").session_id
    assert one.cues["lang"] == "en-GB" and one.diary["version"] == VERSION
    assert [f["name"] for f in one.diary["fields"]] == [f.name for f in FIELDS]


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


def test_diary_files(tmp_path):
    good = tmp_path / "diary.json"
    good.write_text(json.dumps({"format": FORMAT, "version": VERSION, "entries": [GOOD]}))
    assert load_diary(good) == [GOOD]
    for data, says in [({"format": "other"}, "not a diary exported from this guide"),
                       ({"format": FORMAT, "version": 9, "entries": []}, "version 9"),
                       ({"format": FORMAT, "version": VERSION, "entries": {}}, "'entries' must be a list")]:
        with pytest.raises(DiaryError, match=None) as err:
            check_diary(data, "f.json")
        assert says in str(err.value)
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    with pytest.raises(DiaryError, match="broken.json: cannot read it as a JSON diary"):
        load_diary(broken)
    assert "stays on this device" in spec()["privacy"]


def test_a_routine_travels_in_a_link_fragment():
    fragment = to_fragment("Évening calm", ["breathing", "psoas"])
    assert fragment.startswith("#routine=") and "=" not in fragment[len("#routine="):]
    assert from_fragment(fragment) == payload("Évening calm", ["breathing", "psoas"])
    plan = as_plan(from_fragment(fragment))
    assert plan.total_seconds == get_routine("breathing").total_seconds + get_routine("psoas").total_seconds


@pytest.mark.parametrize("fragment, says", [
    ("#plan=abc", "holds no routine"),
    ("#routine=%%%", "damaged"),
    ("#routine=" + base64.urlsafe_b64encode(b'{"format": "backease-my-routine", "version": 1, "title": "x",'
                                            b' "routines": ["yoga"]}').decode(), "does not have: “yoga”"),
    ("#routine=" + base64.urlsafe_b64encode(b'{"format": "backease-my-routine", "version": 1, "title": "x",'
                                            b' "routines": []}').decode(), "must list 1 to 30 exercises"),
])
def test_a_bad_link_is_named(fragment, says):
    with pytest.raises(RoutineError, match=None) as err:
        from_fragment(fragment)
    assert says in str(err.value)


def test_my_routine_widget_sends_the_library_with_totals_and_segments():
    widget = MyRoutine(names=["warm-up", "breathing"])
    entry = {r["name"]: r for r in widget.library}["breathing"]
    assert entry["total"] == format_duration(get_routine("breathing").total_seconds) and entry["segments"] == [s.to_dict() for s in get_routine("breathing").segments()]
    assert widget.plan.total_seconds == get_routine("warm-up").total_seconds + get_routine("breathing").total_seconds
    assert widget.timer_state["cues"]["tones"].keys() == TONES.keys()
