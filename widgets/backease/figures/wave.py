"""The String exercises' idea as a picture: a wave running along a spine that lies on the floor.

``wave_svg()`` returns one self-contained SVG string (no script, nothing external): 24 vertebrae
seen from the side, the head to the left, small towel rolls under the neck and the low back. Each
vertebra bobs up and down a little, one slightly after the next, so a wave runs from the pelvis to
the head. The animation is CSS inside the SVG. Its first frame is baked into the drawing itself, so
with motion switched off (``prefers-reduced-motion: reduce``, ``animated=False``, or any viewer
without CSS animation) the picture still shows the spine with a wave drawn along it.

``WavePicture(alt)`` puts the picture on a page as an image: the moving SVG, or the still one when
the reader's device asks for reduced motion.
"""
from __future__ import annotations

import base64
import html
import math
from xml.sax.saxutils import escape

from ..errors import FigureError
from .style import PALETTE

# (name, length along the spine, height) in SVG units: the bodies grow from the neck to the low back
VERTEBRAE = tuple(
    [(f"C{i}", 13.0, 11.0) for i in range(1, 8)]
    + [(f"T{i}", 16.0 + i * 0.3, 14.0 + i * 0.3) for i in range(1, 13)]
    + [(f"L{i}", 22.0 + i * 0.4, 19.0 + i * 0.3) for i in range(1, 6)]
)
DISC = 4.0  # gap between neighbouring vertebrae
FLOOR_Y = 150.0
SAMPLES = 12  # keyframes per wave period: a sine sampled finely enough to look smooth

TITLE = "A wave running along the spine"
DESCRIPTION = (
    "A side view of a spine lying on the floor, head to the left, with small towel rolls under the "
    "neck and the low back. The 24 vertebrae rise and fall a little, one after another, so that a "
    "gentle wave runs along the spine from the pelvis to the head."
)


def _wave(phase: float, amplitude: float) -> float:
    """Upward displacement at ``phase`` (in periods), piecewise linear through the keyframe samples.

    The CSS keyframes interpolate linearly between the same samples, so the still first frame and
    the running animation agree exactly.
    """
    t = (phase % 1.0) * SAMPLES
    k = int(t)
    a = math.sin(2 * math.pi * k / SAMPLES)
    b = math.sin(2 * math.pi * (k + 1) / SAMPLES)
    return amplitude * (a + (b - a) * (t - k))


def _lift(u: float) -> float:
    """How far the spine rises off the floor at ``u`` (0 = top of the neck, 1 = bottom of the low back).

    The neck and the low back curve up, held by the towel rolls; the upper back rests on the floor.
    """
    neck = 15.0 * math.exp(-(((u - 0.12) / 0.1) ** 2))
    low_back = 13.0 * math.exp(-(((u - 0.86) / 0.1) ** 2))
    return neck + low_back


def _fmt(v: float, digits: int = 1) -> str:
    text = f"{v:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _wavy_line(x_from: float, x_to: float, y: float, wavelength: float, height: float = 5.0) -> str:
    """An SVG path drawing a sine-like line from ``x_from`` to ``x_to`` (one curve per half wave)."""
    n = max(1, round(abs(x_to - x_from) / (wavelength / 2)))
    half = (x_to - x_from) / n
    d = f"M{_fmt(x_from)} {_fmt(y)}"
    for k in range(n):
        x = x_from + k * half
        d += f"Q{_fmt(x + half / 2)} {_fmt(y + (2 * height if k % 2 else -2 * height))} {_fmt(x + half)} {_fmt(y)}"
    return d


def wave_svg(animated: bool = True, period: float = 3.0, amplitude: float = 6.0, waves: float = 2.0) -> str:
    """The spine-wave picture as an SVG string.

    ``animated``: include the CSS animation (False gives the still picture only). ``period``: seconds
    for one rise and fall of a vertebra. ``amplitude``: how far each vertebra moves (SVG units; the
    spine is about 500 long). ``waves``: how many wavelengths fit along the spine.
    """
    for name, value, lo, hi in (("period", period, 0.5, 30.0), ("amplitude", amplitude, 0.5, 12.0),
                                ("waves", waves, 0.25, 4.0)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
            raise FigureError(f"{name} must be a number from {lo:g} to {hi:g}, got {value!r}")
    total = sum(length for _, length, _ in VERTEBRAE) + DISC * (len(VERTEBRAE) - 1)
    x0 = 80.0
    vertebrae = []
    x = x0
    for name, length, height in VERTEBRAE:
        centre = x + length / 2
        u = (centre - x0) / total
        base_y = FLOOR_Y - 9.0 - amplitude - _lift(u) - height / 2  # 9: room for the spinous process
        phase = (1.0 - u) * waves  # the pelvis end leads, so the wave travels towards the head
        dy = -_wave(phase, amplitude)  # SVG y points down
        delay = f' style="animation-delay:{_fmt(-phase * period, 3)}s"' if animated else ""
        process = f"M{_fmt(centre - 3)} {_fmt(base_y + height / 2)}l3 8 3 -8z"  # spinous process, pointing down
        vertebrae.append(
            f'<g class="vertebra" data-name="{name}" transform="translate(0 {_fmt(dy)})"{delay}>'
            f'<rect x="{_fmt(x)}" y="{_fmt(base_y - height / 2)}" width="{_fmt(length)}" '
            f'height="{_fmt(height)}" rx="3"/><path d="{process}"/></g>')
        x += length + DISC
    end = x - DISC
    style = [
        ".backease-wave .vertebra{fill:%s;stroke:%s;stroke-width:1.5;stroke-linejoin:round}"
        % (PALETTE["accent-light"], PALETTE["accent"]),
    ]
    if animated:
        frames = " ".join(f"{_fmt(100 * k / SAMPLES)}%"
                          f"{{transform:translateY({_fmt(-_wave(k / SAMPLES, amplitude))}px)}}"
                          for k in range(SAMPLES + 1))
        style += [
            f"@keyframes backease-wave-bob{{{frames}}}",
            f".backease-wave .vertebra{{animation:backease-wave-bob {_fmt(period)}s linear infinite}}",
            "@media (prefers-reduced-motion: reduce){.backease-wave .vertebra{animation:none}}",
        ]
    width = end + 40
    muted, warm, ink = PALETTE["muted"], PALETTE["warm"], PALETTE["ink"]
    text = f'font-family="sans-serif" fill="{ink}" text-anchor="middle"'
    dashed = f'fill="none" stroke="{muted}" stroke-width="1.5" stroke-dasharray="4 3"'
    scenery = [
        f'<rect x="0" y="{_fmt(FLOOR_Y)}" width="{_fmt(width)}" height="25" fill="{PALETTE["line"]}" '
        f'opacity="0.5"/>',
        f'<line x1="0" y1="{_fmt(FLOOR_Y)}" x2="{_fmt(width)}" y2="{_fmt(FLOOR_Y)}" stroke="{muted}" '
        f'stroke-width="2"/>',
        f'<circle cx="42" cy="{_fmt(FLOOR_Y - 30)}" r="30" {dashed}/>',  # the head, outlined
        f'<path d="M{_fmt(end + 2)} {_fmt(FLOOR_Y - 40)}q26 4 28 30l-6 10h-20z" {dashed}/>',  # the sacrum
    ] + [
        f'<circle cx="{_fmt(x0 + u * total)}" cy="{_fmt(FLOOR_Y - 7)}" r="7" fill="{warm}" fill-opacity="0.35" '
        f'stroke="{warm}" stroke-width="1.5"/>' for u in (0.12, 0.86)  # towel rolls under neck and low back
    ]
    labels = [
        f'<path d="{_wavy_line(end - 30, x0 + 60, 44.0, total / waves)}" stroke="{warm}" stroke-width="2" '
        f'fill="none"/>',
        f'<path d="M{_fmt(x0 + 60)} 44l10 -5v10z" fill="{warm}"/>',
        f'<text x="{_fmt((x0 + end) / 2 + 15)}" y="22" font-size="13" {text}>the wave runs towards the head</text>',
        f'<text x="42" y="{_fmt(FLOOR_Y + 18)}" font-size="12" {text}>head</text>',
        f'<text x="{_fmt(end + 14)}" y="{_fmt(FLOOR_Y + 18)}" font-size="12" {text}>pelvis</text>',
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="backease-wave" viewBox="0 0 {_fmt(width)} 175" '
        f'width="{_fmt(width)}" height="175" role="img" aria-labelledby="backease-wave-title">'
        f'<title id="backease-wave-title">{escape(TITLE)}</title><desc>{escape(DESCRIPTION)}</desc>'
        f'<style>{"".join(style)}</style>' + "".join(scenery + vertebrae + labels) + "</svg>"
    )


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


class WavePicture:
    """Display object: the wave as an image with alt text, still when the reader asks for reduced motion.

    An SVG shown as an image does not always see the page's reduced-motion setting (Chromium's does
    not), so the page makes the choice: a ``<picture>`` whose source for
    ``prefers-reduced-motion: reduce`` is the still drawing.
    """

    def __init__(self, alt: str):
        if not isinstance(alt, str) or len(alt.split()) < 8:
            raise FigureError(f"alt must be a sentence of 8 or more words that describes the picture, got {alt!r}")
        self.alt = " ".join(alt.split())

    def _repr_html_(self) -> str:
        return (f'<picture class="backease-wave-picture">'
                f'<source media="(prefers-reduced-motion: reduce)" srcset="{_data_uri(wave_svg(animated=False))}">'
                f'<img src="{_data_uri(wave_svg())}" alt="{html.escape(self.alt)}"></picture>')

    def __repr__(self) -> str:
        return self.alt
