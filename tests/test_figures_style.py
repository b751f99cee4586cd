"""compact_svg keeps the picture: the book's compact figures paint what matplotlib's own SVG paints."""
import io

import matplotlib
import pytest
from PIL import Image, ImageChops

from backease.figures import POSES, draw_named
from backease.figures.style import RC, compact_svg

NOTICEABLE = 32  # grey levels: rounding to a tenth of a point moves edges by less than this
SAMPLE = sorted(POSES)[::4]  # every fourth pose: lying, kneeling, sitting, standing, props, arrows


def matplotlib_svg(name: str) -> str:
    figure = draw_named(name)
    with matplotlib.rc_context(RC):
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def painted(page, svg: str) -> Image.Image:
    page.set_content(f"<body style='margin:0'>{svg}</body>")
    return Image.open(io.BytesIO(page.locator("svg").screenshot())).convert("L")


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", SAMPLE)
def test_a_compact_figure_paints_what_matplotlib_painted(page, name):
    raw = matplotlib_svg(name)
    compact = compact_svg(raw)
    assert len(compact) < len(raw) / 2
    before, after = painted(page, raw), painted(page, compact)
    assert before.size == after.size
    histogram = ImageChops.difference(before, after).histogram()
    assert sum(histogram[NOTICEABLE:]) / sum(histogram) < 0.01, name  # edges moved a tenth of a point
