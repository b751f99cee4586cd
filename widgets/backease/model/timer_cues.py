"""What the session timer plays, says and shows besides the segments: tones, vibrations, texts, language.

Tones are short WAV files sent as data URIs and played through an ``<audio>`` element,
because an iPhone's silent switch mutes Web Audio but not media elements. Voice cues use
only voices the device has offline; the texts they speak come from here and from
``Segment.spoken``.
"""
from __future__ import annotations

import base64
import io
import math
import wave

LANG = "en-GB"
RATE = 8000  # samples per second: plenty for tones under 1 kHz, and small

# Each tone is a list of (frequency in Hz, seconds) notes with a short gap between them.
TONES = {
    "step": ((880, 0.18),),
    "switch": ((660, 0.15), (990, 0.25)),
    "end": ((990, 0.2), (784, 0.2), (660, 0.45)),
}
GAP = 0.05
# Vibration patterns in milliseconds (on, off, on, ...), where the device can vibrate.
VIBRATIONS = {"step": (250,), "switch": (200, 120, 200, 120, 200), "end": (600,)}

TEXTS = {
    "done_label": "Session complete",
    "done_cue": "Well done. Lie still for a moment, then get up slowly.",
    "done_announce": "Session complete. Well done. Rest for a moment before you get up.",
    "done_say": "Session complete. Well done.",
    "no_voice": "This device has no voice that works offline, so the timer plays tones instead.",
    "voice_on": "Voice cues on.",
    "resume": "You stopped this session at step {step} of {total}: {heading}, with {left} left.",
    "resume_yes": "Carry on",
    "resume_no": "Start again",
}


def tone_wav(kind: str) -> bytes:
    """The tone for ``kind`` ("step", "switch" or "end") as an 8-bit mono WAV file."""
    samples = bytearray()
    for freq, seconds in TONES[kind]:
        n = int(seconds * RATE)
        for i in range(n):
            t = i / RATE
            envelope = min(1.0, t / 0.01) * math.exp(-4 * t / seconds)
            samples.append(128 + round(100 * envelope * math.sin(2 * math.pi * freq * t)))
        samples.extend(b"\x80" * int(GAP * RATE))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(RATE)
        w.writeframes(bytes(samples))
    return out.getvalue()


def cues() -> dict:
    """Everything the timer view needs besides the segments: tones as data URIs, texts, language."""
    tones = {kind: "data:audio/wav;base64," + base64.b64encode(tone_wav(kind)).decode() for kind in TONES}
    return {"tones": tones, "vibrations": {k: list(v) for k, v in VIBRATIONS.items()}, "texts": dict(TEXTS),
            "lang": LANG}
