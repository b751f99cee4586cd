"""The spine wave on the String exercises page: it moves, unless the reader asks for reduced motion."""
import pytest

from conftest import open_built

PAGE = "book/techniques/string-exercises.html"


def frames(browser, server, motion: str, count: int = 4) -> list[bytes]:
    """Screenshots of the wave picture a little apart in time, with the given reduced-motion setting."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion=motion)
    page = context.new_page()
    open_built(page, f"{server}/{PAGE}")
    picture = page.locator("figure picture img")
    assert picture.count() == 1
    picture.scroll_into_view_if_needed()
    shots = []
    for _ in range(count):
        page.wait_for_timeout(300)
        shots.append(picture.screenshot())
    context.close()
    return shots


def test_the_wave_has_a_caption_and_alt_text(site):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / PAGE).read_text(encoding="utf-8"), "html.parser")
    figure = soup.select_one("figure:has(picture)")
    assert "wave" in figure.select_one("figcaption").get_text(" ", strip=True)
    assert len(figure.select_one("picture img")["alt"].split()) >= 8


@pytest.mark.parametrize("motion, moving", [("no-preference", True), ("reduce", False)])
def test_the_wave_moves_only_without_reduced_motion(browser, server, motion, moving):
    shots = frames(browser, server, motion)
    assert (len(set(shots)) > 1) == moving
