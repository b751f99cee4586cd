"""The spine-wave animation: a self-contained SVG whose first frame already shows the wave."""
import base64
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from backease.figures import WavePicture, wave_svg
from backease.figures.wave import VERTEBRAE

NS = "{http://www.w3.org/2000/svg}"


def vertebrae(svg: str):
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return [g for g in root.iter(f"{NS}g") if g.get("class") == "vertebra"]


def style_of(svg: str) -> str:
    return "".join(el.text or "" for el in ET.fromstring(svg).iter(f"{NS}style"))


def offset(g) -> float:
    return float(re.fullmatch(r"translate\(0 (-?[\d.]+)\)", g.get("transform")).group(1))


def test_the_svg_parses_and_has_one_element_per_vertebra():
    found = vertebrae(wave_svg())
    assert len(found) == len(VERTEBRAE) == 24
    assert [g.get("data-name") for g in found] == [name for name, _, _ in VERTEBRAE]
    assert found[0].get("data-name") == "C1" and found[-1].get("data-name") == "L5"


def test_reduced_motion_stops_the_animation():
    style = style_of(wave_svg())
    assert "@keyframes" in style
    media = re.search(r"@media \(prefers-reduced-motion: reduce\)\{(.*)\}", style)
    assert media and "animation:none" in media.group(1)


def test_the_still_version_has_no_animation_but_the_same_wave():
    still, moving = wave_svg(animated=False), wave_svg()
    assert "animation" not in still and "@keyframes" not in still
    assert [offset(g) for g in vertebrae(still)] == [offset(g) for g in vertebrae(moving)]
    offsets = [offset(g) for g in vertebrae(still)]
    assert min(offsets) < -3 and max(offsets) > 3  # the vertebrae sit on a drawn wave, not in a flat row


def test_the_first_animated_frame_matches_the_still_picture():
    svg = wave_svg(period=4.0)
    frames = [(float(p) / 100, float(v)) for p, v in
              re.findall(r"([\d.]+)%\{transform:translateY\((-?[\d.]+)px\)\}", style_of(svg))]
    assert frames[0][0] == 0 and frames[-1][0] == 1 and len(frames) > 8
    for g in vertebrae(svg):
        t = (-float(re.fullmatch(r"animation-delay:(-?[\d.]+)s", g.get("style")).group(1)) / 4.0) % 1.0
        (t0, v0), (t1, v1) = next((a, b) for a, b in zip(frames, frames[1:]) if a[0] <= t <= b[0])
        at_start = v0 + (v1 - v0) * (t - t0) / (t1 - t0)
        assert at_start == pytest.approx(offset(g), abs=0.11)


def test_the_wave_runs_from_the_pelvis_towards_the_head():
    delays = [float(re.search(r"-?[\d.]+", g.get("style")).group()) for g in vertebrae(wave_svg())]
    assert delays == sorted(delays)  # the head end lags behind the pelvis end


def test_nothing_external_and_it_describes_itself():
    svg = wave_svg()
    for bad in ("<script", "href", "@import", "url(", "http://www.w3.org/1999/xlink"):
        assert bad not in svg
    root = ET.fromstring(svg)
    assert root.find(f"{NS}title").text and len(root.find(f"{NS}desc").text) > 40
    assert len(svg) < 12_000


def test_it_displays_with_ipython():
    from IPython.display import SVG
    assert 'class="vertebra"' in SVG(data=wave_svg())._repr_svg_()


@pytest.mark.parametrize("kwargs, word", [(dict(period=0), "period"), (dict(amplitude=50), "amplitude"),
                                           (dict(waves="many"), "waves")])
def test_bad_settings_are_refused_by_name(kwargs, word):
    with pytest.raises(ValueError, match=word):
        wave_svg(**kwargs)


def _svg_from_data_uri(uri: str) -> str:
    prefix = "data:image/svg+xml;base64,"
    assert uri.startswith(prefix)
    return base64.b64decode(uri[len(prefix):]).decode("utf-8")


def test_the_page_picture_is_still_for_readers_who_ask_for_reduced_motion():
    alt = "A spine lying on the floor with a gentle wave running along it towards the head."
    soup = BeautifulSoup(WavePicture(alt)._repr_html_(), "html.parser")
    source, img = soup.select_one("picture > source"), soup.select_one("picture > img")
    assert source["media"] == "(prefers-reduced-motion: reduce)"
    still, moving = _svg_from_data_uri(source["srcset"]), _svg_from_data_uri(img["src"])
    assert "@keyframes" not in still and len(vertebrae(still)) == 24
    assert "@keyframes" in moving and len(vertebrae(moving)) == 24
    assert img["alt"] == alt


def test_the_page_picture_needs_real_alt_text():
    with pytest.raises(ValueError, match="'a spine'"):
        WavePicture("a spine")
    assert 'alt="Tom &amp; the &quot;wave&quot;' in WavePicture('Tom & the "wave" in a spine on the floor')._repr_html_()
