"""The timer's cues (model/timer_cues.py): its tones are WAV files of the length they promise."""
import base64
import io
import wave

import pytest

from backease.model.timer_cues import RATE, TONES, GAP, cues


@pytest.mark.parametrize("kind", TONES)
def test_tones_are_wav_files_of_the_right_length(kind):
    uri = cues()["tones"][kind]
    assert uri.startswith("data:audio/wav;base64,")
    with wave.open(io.BytesIO(base64.b64decode(uri.split(",")[1]))) as w:
        assert (w.getframerate(), w.getnchannels()) == (RATE, 1)
        expected = sum(int(s * RATE) + int(GAP * RATE) for _, s in TONES[kind])
        assert w.getnframes() == expected
