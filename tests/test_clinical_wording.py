"""Clinical wording that must agree with the guide's own data and sources (issue 20, section 4), and pages
for teachers that speak a teacher's language (section 7)."""
import re

import pytest
import yaml
from pybtex.database import parse_file

from backease.model.education import TALKS
from backease.model.red_flags import advice_for, get_flag
from backease.model.techniques import get_technique
from backease.text.techniques import evidence_heading
from conftest import ROOT, built_pages, parsed_page

SEEDS = ROOT.parent / "shared" / "seeds"


def _text(node) -> str:
    return " ".join(node.get_text(" ").split())


def _article(site, rel: str):
    return parsed_page(site, rel).select_one("article")


def _paragraphs(site, rel: str):
    """Each paragraph or list item of a page's article (code left out) with its text."""
    return [(p, _text(p)) for p in _article(site, rel).select("p, li") if not p.find_parent("pre")]


def _all_paragraphs(site):
    """Every page's paragraphs and list items, as (page, node, text)."""
    for rel in built_pages(site):
        if parsed_page(site, rel).select_one("article") is not None:
            for p, text in _paragraphs(site, rel):
                yield rel, p, text


def _pages_text(site):
    for rel in built_pages(site):
        article = parsed_page(site, rel).select_one("article")
        if article is not None:
            yield rel, _text(article)


# --- night pain in the sleep talk: a red flag at its level, linked to the safety page -----------------------

def test_the_sleep_talk_names_night_pain_at_its_red_flag_level():
    flag, advice = get_flag("night-pain"), advice_for("night-pain")
    talk = TALKS["sleep-and-sitting"]
    said = [p for p in talk.points if flag.text[1:] in p]
    assert said, "the sleep talk names night pain in the red flag's own words"
    assert f"red flag: {advice.title.lower()}. {advice.action}" in said[0]
    assert "red-flags" in dict(talk.chapters), "the talk points people to the red flags"


def test_the_course_page_gives_the_night_pain_flag_with_a_link_to_the_safety_page(site):
    flag, advice = get_flag("night-pain"), advice_for("night-pain")
    title = TALKS["sleep-and-sitting"].title
    start = next(p for p in _article(site, "book/class/course.html").select("p") if _text(p) == title and p.strong)
    block = []
    for sibling in start.find_next_siblings():
        if sibling.name == "p" and sibling.strong and _text(sibling) in {t.title for t in TALKS.values()}:
            break
        block.append(sibling)
    text = " ".join(_text(b) for b in block)
    assert flag.text[1:] in text and advice.title.lower() in text
    links = [a["href"] for b in block for a in b.select("a[href]")]
    assert any(h.endswith("start/safety.html#red-flags") for h in links), links


# --- a flag's level, said the same everywhere -------------------------------------------------------------

def test_no_page_says_soon_where_the_red_flags_say_now_today_or_a_routine_visit(site):
    soon = re.compile(r"\b(doctor|GP|clinician)s?\b[^.]{0,20}\bsoon\b|\bsoon\b[^.]{0,20}\b(doctor|GP)\b", re.I)
    said = [(rel, m.group(0)) for rel, text in _pages_text(site) for m in soon.finditer(text)]
    assert not said, said


def test_the_causes_page_words_a_lump_at_its_red_flag_level(site):
    advice = advice_for("lump")
    lump = [(p, t) for p, t in _paragraphs(site, "book/understand/causes.html") if re.search(r"\blump\b", t)]
    assert lump, "the causes page mentions a lump"
    for p, text in lump:
        assert f"red flag: {advice.title.lower()}" in text, text
        assert p.select_one('a[href$="safety.html#red-flags"]'), text


# --- outlook, STarT Back, the ACP list ----------------------------------------------------------------------

def test_the_outlook_is_worded_as_the_nhs_words_it(site):
    short = re.compile(r"better within a few weeks(?! or months)")
    assert not [rel for rel, text in _pages_text(site) if short.search(text)]
    assert [p for p in TALKS["what-pain-is"].points if "within a few weeks or months" in p]


def test_nice_is_said_to_consider_start_back_not_to_recommend_it(site):
    said = [(rel, text) for rel, _, text in _all_paragraphs(site) if "STarT Back" in text and "NICE" in text]
    assert len(said) >= 3, said
    for rel, text in said:
        assert "consider" in text and "recommend" not in text, (rel, text)


@pytest.mark.parametrize("rel, heading", [("book/start/safety.html", "American College of Physicians guideline"),
                                          ("book/reference/evidence.html", "The guidelines")])
def test_the_acp_list_is_not_presented_as_complete(site, rel, heading):
    section = next(h.parent for h in _article(site, rel).select("h2, h3") if _text(h).startswith(heading))
    text = _text(section)
    after = text[text.index("cognitive behavioural therapy"):]
    assert "other treatments" in after and "medicines" in after, after[:300]


# --- lifting, and the evidence label of the habits card -----------------------------------------------------

def test_the_habits_label_covers_exercise_programmes_only(site):
    evidence = get_technique("strength-and-habits").evidence
    assert evidence.label == "Moderate certainty" and "hayden2021" in evidence.cite
    assert "exercise programmes" in evidence.covers and "lifting" in evidence.covers
    glance = _text(_article(site, "book/techniques/strength-and-habits.html").select_one(".admonition"))
    assert f"Evidence: {evidence_heading(evidence)}." in glance


def test_lifting_advice_is_attributed_and_agrees_with_the_osteoporosis_rule(site):
    osteoporosis = {a.condition: a for a in get_technique("forward-bend").conditions}["osteoporosis"]
    assert osteoporosis.advice == "dont"
    rounded_is_safe = re.compile(r"(rounded back|bending your back) is (normal|not dangerous|not a damaged)", re.I)
    habits = get_technique("strength-and-habits")
    for text in [s.text for s in habits.steps] + [t for _, t in _pages_text(site)]:
        assert not rounded_is_safe.search(text), text
    paragraphs = _paragraphs(site, "book/techniques/strength-and-habits.html")
    knees = [(p, t) for p, t in paragraphs if "bending your knees" in t and "Cochrane" in t]
    assert knees and all(len(p.select(".bibtex-citation")) >= 2 for p, _ in knees), "source and review both cited"
    thin = [(p, t) for p, t in paragraphs if "osteoporosis" in t and "lift" in t]
    assert thin and thin[0][0].select_one('a[href$="forward-bend.html#forward-bend"]'), "the same rule as the bend"
    assert any("osteoporosis" in s.text for s in habits.steps), "the rounded-back step names the exception"
    assert [p for p in TALKS["sleep-and-sitting"].points if "knees" in p and "osteoporosis" in p]


# --- flexion-relaxation and the psoas check ---------------------------------------------------------------

def test_every_flexion_relaxation_claim_is_cited(site):
    claims = [(rel, p, text) for rel, p, text in _all_paragraphs(site)
              if "flexion-relaxation" in text and re.search(r"quiet|silent|switched on", text)]
    assert len(claims) >= 2
    for rel, p, text in claims:
        assert p.select_one(".bibtex-citation"), (rel, text)


def test_the_psoas_check_is_a_rough_guide_not_a_diagnosis(site):
    verdict = re.compile(r"psoas( on that side)? is tight|the muscle is tight", re.I)
    check = get_technique("psoas").steps[1].text
    assert "not a diagnosis" in check and not verdict.search(check)
    paragraphs = [t for _, t in _paragraphs(site, "book/techniques/psoas.html")]
    assert not [t for t in paragraphs if verdict.search(t)]
    assert [t for t in paragraphs if "above the level of the table" in t and "rough guide, not a diagnosis" in t]


# --- the five source articles, cited as they cite themselves ------------------------------------------------

SOURCE_FILES = {"src-string": "000_", "src-loosening": "001_", "src-ball": "002_", "src-gravity": "003_",
                "src-somatic": "004_"}


def _sources():
    entries = parse_file(str(ROOT / "book" / "reference" / "references.bib")).entries
    return {key: entries[key] for key in SOURCE_FILES}


@pytest.mark.parametrize("key", SOURCE_FILES)
def test_each_source_article_has_its_title_and_says_what_it_leaves_out(key):
    entry = _sources()[key]
    fields = {k.lower(): v for k, v in entry.fields.items()}
    assert fields.get("title"), key
    note = fields.get("note", "")
    assert "year" in fields or "no date" in note, f"{key}: a date, or a note that the article gives none"
    assert entry.persons.get("author") or "author" in note, f"{key}: an author, or a note that it names none"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles (../shared/seeds) are not beside this checkout")
@pytest.mark.parametrize("key", SOURCE_FILES)
def test_each_source_articles_author_and_date_are_the_articles_own(key):
    seed = next(SEEDS.glob(SOURCE_FILES[key] + "*")).read_text(encoding="utf-8")
    entry = _sources()[key]
    fields = {k.lower(): v for k, v in entry.fields.items()}
    if "year" in fields:
        assert fields["year"] in seed, key
    for person in entry.persons.get("author", []):
        assert " ".join(person.last_names).strip("{}") in seed, key
    for dated in re.findall(r"(\d{1,2}) (\w+) (\d{4})", fields.get("note", "")):
        day, month, year = dated
        assert re.search(rf"{month} {day}, {year}", seed), (key, dated)


# --- teacher pages: a teacher's language; the README linked where it is needed -------------------------------

DEVELOPER_WORDS = re.compile(r"_build|make (serve|book|html)|pip install|\.venv|127\.0\.0\.1|\bclone\b")


def test_class_and_home_pages_speak_a_teachers_language(site):
    for rel in built_pages(site):
        if not rel.startswith(("book/class/", "book/home/", "book/start/")):
            continue
        article = _article(site, rel)
        prose = " ".join(_text(p) for p in article.select("p, li, dt, dd") if not p.find_parent(["pre", "code"]))
        assert not DEVELOPER_WORDS.search(prose), (rel, DEVELOPER_WORDS.search(prose).group(0))


def test_every_mention_of_the_readme_links_to_the_configured_one(site):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    options = config["html_theme_options"]
    readme = f"{options['repository_url'].rstrip('/')}/blob/{options.get('repository_branch', 'main')}/README.md"
    mentions = 0
    for rel in built_pages(site):
        article = parsed_page(site, rel).select_one("article")
        if article is None:
            continue
        for p in article.select("p, li"):
            if "README" in _text(p) and not p.select("p, li"):
                mentions += 1
                assert [a["href"] for a in p.select("a") if "README" in _text(a)] == [readme], (rel, _text(p))
    assert mentions >= 4
    assert "Quick start" in (ROOT / "README.md").read_text(encoding="utf-8"), "the teaching page points to it"
