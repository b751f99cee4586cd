"""Quality gates on the built site: alt text, focus rings, internal links, the controls the text tells the reader
to press, spelling of the book's prose and of the words pages render from data, and text copied from the source
articles."""
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from spellchecker import SpellChecker

from backease.model.conditions import CONDITIONS
from backease.model.red_flags import ADVICE, RED_FLAGS
from backease.model.techniques import all_techniques
from backease.text.techniques import evidence_plain
from conftest import ROOT, built_pages, open_built, parsed_page, widget_states



def test_every_image_has_alt_text(site):
    missing = []
    for rel in built_pages(site):
        soup = parsed_page(site, rel)
        missing += [f"{rel}: {img.get('src', '')[:60]}" for img in soup.select("img") if not img.get("alt", "").strip()
                    and "logo" not in img.get("class", [])]
    assert not missing, missing


@pytest.mark.parametrize("rel", ["book/start/timers.html", "book/class/plans.html", "book/start/safety.html",
                                 "book/checks/leg-length.html"])
def test_widget_controls_have_a_visible_focus_ring(server, reused_page, rel):
    page, _ = reused_page
    open_built(page, f"{server}/{rel}")
    controls = page.locator(".be-widget button:not([disabled]), .be-widget input, .be-widget select")
    assert controls.count() > 0
    for i in range(min(controls.count(), 12)):
        control = controls.nth(i)
        control.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
        style = control.evaluate("e => [document.activeElement === e, getComputedStyle(e).outlineStyle,"
                                 " parseFloat(getComputedStyle(e).outlineWidth)]")
        assert style[0] and style[1] != "none" and style[2] >= 2, (rel, control.evaluate("e => e.outerHTML.slice(0, 80)"), style)


def test_no_stylesheet_or_script_locks_the_screen_orientation(site):
    """WCAG 1.3.4: a page works turned either way. No stylesheet, style or script of the built site (the widgets'
    styles travel in the pages' widget state) names the screen's orientation; so nothing can lock it. (This stands
    for axe-core's css-orientation-lock, which the crawl leaves out: it fetches every stylesheet again on every page.)"""
    locking = re.compile(r"orientation\s*:|screen\.orientation|orientation\.lock")
    found = [f"{path.relative_to(site)}: {m.group(0)}" for ext in ("css", "js", "html") for path in site.rglob(f"*.{ext}")
             if path.relative_to(site).parts[0] != "_sources"
             for m in locking.finditer(path.read_text(encoding="utf-8", errors="replace"))]
    assert not found, found


def _targets(site, rel):
    soup = parsed_page(site, rel)
    for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
        for node in soup.find_all(tag, attrs={attr: True}):
            yield node[attr]


def test_internal_links_resolve(site):
    ids = {}
    files = {}  # each path's answer, once: most pages name the same stylesheets, scripts and pages
    broken = []
    for rel in built_pages(site):
        for target in _targets(site, rel):
            url = urlparse(target)
            if url.scheme or target.startswith(("//", "data:", "mailto:")) or target.startswith("javascript:"):
                continue
            path = (site / rel).parent / unquote(url.path) if url.path else site / rel
            if url.path.endswith("/"):
                path = path / "index.html"
            path = Path(os.path.normpath(path))  # "../x.html" named as the page it is: each page read once
            if path not in files:
                files[path] = path.is_file()
            if not files[path]:
                broken.append(f"{rel}: {target}")
                continue
            if url.fragment.startswith("routine="):  # a shared routine travels in the fragment (My routine)
                continue
            if url.fragment.startswith("handout="):  # a handout the page's picker shows (the course's links)
                named = {h["name"] for s in widget_states(site, path.relative_to(site).as_posix())
                         for h in s.get("handouts", [])}
                if url.fragment.removeprefix("handout=") not in named:
                    broken.append(f"{rel}: {target} (no such handout)")
                continue
            if url.fragment and path.suffix == ".html":
                if path not in ids:
                    ids[path] = {n["id"] for n in parsed_page(site, path.relative_to(site).as_posix()).find_all(id=True)}
                if unquote(url.fragment) not in ids[path]:
                    broken.append(f"{rel}: {target} (no such anchor)")
    assert not broken, broken


# A control the book's text tells the reader to press, tap, choose, open or use: its name in bold after the verb.
TOLD_TO_PRESS = re.compile(r"\b(?:press|tap|click|choose|select|use|open)(?:\s+the|\s+on)?\s+\*\*([^*]+)\*\*", re.I)
# Names the text gives that are not the guide's own controls.
NOT_OURS = {"Tab": "a key", "Share": "Safari's button", "Install app": "Chrome's menu",
            "Run All Cells": "Jupyter's Run menu"}


def _shipped_controls_text(site) -> str:
    """What the built site ships that makes its controls: the scripts its pages load (the widgets' code among
    them, and the modules those import, some as JSON text) and the pages' templates and inline scripts."""
    parts, files = [], set()
    for rel in built_pages(site):
        soup = parsed_page(site, rel)
        parts += [tag.decode_contents() for tag in soup.find_all(["template", "script"]) if not tag.get("src")]
        files |= {os.path.normpath((site / rel).parent / urlparse(tag["src"]).path) for tag in soup.select("script[src]")}
    files |= {str(f) for f in (site / "_images" / "widget").glob("*.js")}
    return "\n".join(parts + [Path(f).read_text(encoding="utf-8") for f in sorted(files)])


def test_every_control_the_text_tells_you_to_press_is_one_the_site_has(site):
    """"Press **Speak cues**": each control the book names after press, tap, choose, open or use is labelled so in
    what the site ships (a widget, the update bar), unless it is a key or another program's (NOT_OURS), so a
    renamed button cannot leave the text naming one no page has."""
    shipped = _shipped_controls_text(site)
    told = {(" ".join(m.group(1).split()), md.relative_to(ROOT).as_posix())
            for md in sorted((ROOT / "book").rglob("*.md")) for m in TOLD_TO_PRESS.finditer(md.read_text(encoding="utf-8"))}
    assert len({name for name, _ in told} - set(NOT_OURS)) >= 10, told  # the pattern still finds the text's buttons
    missing = sorted((md, name) for name, md in told if name not in NOT_OURS
                     and not re.search(rf"[\"'`>]{re.escape(name)}\s*\\?[\"'`<]", shipped))
    assert not missing, missing


def test_no_link_leaves_the_site_except_citations_and_docs(site):
    """Outside links are allowed only as plain links a reader may follow, never as page resources."""
    for rel in built_pages(site):
        soup = parsed_page(site, rel)
        for tag, attr in (("img", "src"), ("link", "href"), ("script", "src"), ("iframe", "src")):
            for node in soup.select(f"{tag}[{attr}]"):
                assert not urlparse(node[attr]).scheme.startswith("http"), f"{rel}: {node}"


# --- spelling ------------------------------------------------------------------------------

WORDLIST = ROOT / "book" / "wordlist.txt"
_NOISE = [
    re.compile(r"^---\n.*?\n---\n", re.S),                    # front matter
    re.compile(r"^```\{code-cell\}.*?^```", re.S | re.M),      # code cells
    re.compile(r"^```(?!\{).*?^```", re.S | re.M),             # code blocks
    re.compile(r"^:[a-z-]+:.*$", re.M),                        # directive options
    re.compile(r"\{[a-z:-]+\}`[^`]*`"),                          # roles
    re.compile(r"`[^`]*`"),                                    # inline code
    re.compile(r"\{\{[^}]*\}\}"),                                # substitutions: {{ feedback_link }}
    re.compile(r"\]\([^)]*\)"),                                # link targets
    re.compile(r"https?://\S+"),
    re.compile(r"^\([a-z0-9-]+\)=$", re.M),                    # labels
    re.compile(r"^(```|:::)\{[a-z:-]+\}.*$", re.M),            # directive lines
]
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


def prose_words(text: str) -> set[str]:
    for pattern in _NOISE:
        text = pattern.sub(" ", text)
    words = set()
    for w in _WORD.findall(text):
        w = w.replace("’", "'").strip("'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 2 and not (w.isupper() and len(w) <= 6):  # acronyms: NICE, ACP, WCAG
            words.add(w.lower())
    return words


def book_checker() -> SpellChecker:
    """An English spell checker that also knows the book's own words (book/wordlist.txt)."""
    checker = SpellChecker()
    checker.word_frequency.load_words(
        w.strip().lower() for w in WORDLIST.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#"))
    return checker


def test_spelling_of_the_book():
    checker = book_checker()
    unknown = {}
    for path in sorted((ROOT / "book").rglob("*.md")):
        for word in sorted(checker.unknown(prose_words(path.read_text(encoding="utf-8")))):
            unknown.setdefault(word, []).append(path.relative_to(ROOT).as_posix())
    assert not unknown, "unknown words (fix them, or add real ones to book/wordlist.txt):\n" + "\n".join(
        f"{w}: {', '.join(p)}" for w, p in sorted(unknown.items()))


def test_spell_check_catches_a_misspelling():
    checker = SpellChecker()
    assert checker.unknown(prose_words("Your spine is made of vertabrae.")) == {"vertabrae"}
    assert prose_words("Run {ref}`the timer <timers>` with `SessionTimer` now") == {"run", "with", "now"}


def test_spelling_of_the_cards_the_conditions_and_the_red_flags():
    """The words pages render from data are spell-checked like the chapters' own prose."""
    checker = book_checker()
    texts = {f"{t.name}.yml": " ".join([t.title, t.purpose, *t.avoid, *(i.text for i in t.need), *(s.text for s in t.steps), *t.stop,
                                        evidence_plain(t.evidence), *(a.text for a in t.conditions)])
             for t in all_techniques()}
    texts["red_flags.py"] = " ".join([f.text for f in RED_FLAGS] + [f"{a.title} {a.action}" for a in ADVICE.values()])
    texts["conditions.py"] = " ".join(f"{c.name} {c.explain}" for c in CONDITIONS)
    unknown = {where: sorted(checker.unknown(prose_words(text))) for where, text in texts.items()}
    unknown = {where: words for where, words in unknown.items() if words}
    assert not unknown, f"unknown words (fix them, or add real ones to book/wordlist.txt): {unknown}"


# --- copied text ---------------------------------------------------------------------------

SEED_TOOL = ROOT.parent / "shared" / "tools" / "seed_overlap.py"


@pytest.mark.skipif(not SEED_TOOL.is_file(), reason="the source articles (../shared) are not beside this checkout")
def test_no_text_copied_from_the_source_articles():
    run = subprocess.run([sys.executable, str(SEED_TOOL), str(ROOT)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout


def test_every_icon_the_pages_use_is_in_the_cut_down_icon_font(site):
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from offline_book import ICONS, _theme_static, icon_codepoints

    css = (_theme_static() / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert set(ICONS) <= set(icon_codepoints(css)), "an icon in ICONS is not in the theme's CSS"
    modifiers = {"solid", "regular", "brands", "lg", "sm", "xs", "fw", "spin"}
    used = set()
    for rel in built_pages(site):
        used |= set(re.findall(r"\bfa-([a-z0-9-]+)", (site / rel).read_text(encoding="utf-8"))) - modifiers
    assert used <= set(ICONS), f"icons missing from offline_book.ICONS: {sorted(used - set(ICONS))}"
    assert (site / "_static" / "icons-subset.woff").stat().st_size < 10_000


def test_unused_icon_rules_are_dropped_and_used_ones_kept():
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from offline_book import drop_unused_icon_rules

    css = '.a{color:red}.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-cat:before{content:"\\f6be"}.b{x:y}'
    assert drop_unused_icon_rules(css) == '.a{color:red}.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.b{x:y}'
