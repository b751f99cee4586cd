"""The spine wave on the String exercises page: it moves, unless the reader asks for reduced motion."""
import pytest

from backease.figures import wave_svg
from conftest import open_built, parsed_page, site_context

PAGE = "book/techniques/string-exercises.html"


def shown_wave(browser, server, motion: str) -> str:
    """The SVG text of the wave picture the browser chose to show, with the given reduced-motion setting."""
    import base64

    context = site_context(browser, viewport={"width": 1280, "height": 900}, reduced_motion=motion)
    page = context.new_page()
    open_built(page, f"{server}/{PAGE}")
    picture = page.locator("figure picture img")
    assert picture.count() == 1
    source = picture.evaluate("img => img.currentSrc")
    context.close()
    return base64.b64decode(source.split(",", 1)[1]).decode("utf-8")


def test_the_wave_has_a_caption_and_alt_text(site):
    soup = parsed_page(site, PAGE)
    figure = soup.select_one("figure:has(picture)")
    assert "wave" in figure.select_one("figcaption").get_text(" ", strip=True)
    assert len(figure.select_one("picture img")["alt"].split()) >= 8


@pytest.mark.parametrize("motion, moving", [("no-preference", True), ("reduce", False)])
def test_the_wave_moves_only_without_reduced_motion(browser, server, motion, moving):
    svg = shown_wave(browser, server, motion)
    assert svg == wave_svg(animated=moving)  # the browser picked the still picture when asked to
    assert ("@keyframes" in svg and "animation" in svg) == moving
