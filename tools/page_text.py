"""The visible text of every built page, saved before a refactor and compared after (stdlib only).

    python tools/page_text.py save /tmp/pages-before      # on the unchanged branch, after `make book`
    python tools/page_text.py compare /tmp/pages-before   # after the change and a new `make book`

Each page of ``_build/html/**/*.html`` becomes one text file in DIR (same relative path, ``.txt``):
what a reader sees, without scripts, styles or templates, whitespace collapsed. ``compare`` lists
every page whose text differs, or that is new or gone, with a short diff, and exits 1 if any.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from html.parser import HTMLParser
from pathlib import Path

BUILD = Path(__file__).resolve().parent.parent / "_build" / "html"
HIDDEN = {"script", "style", "template", "noscript"}  # their content is never shown as text
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section", "article",
          "header", "footer", "nav", "aside", "main", "ul", "ol", "dl", "dt", "dd", "table", "figure", "figcaption",
          "blockquote", "br", "hr", "details", "summary", "form", "label", "button", "option"}


class _Text(HTMLParser):
    """Collects the text outside hidden elements, one line per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def page_text(html: str) -> str:
    """A page's visible text: one line per block of text, spaces collapsed, empty lines dropped."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def texts(build: Path) -> dict[str, str]:
    """Every page's text, by its path under ``build``."""
    return {p.relative_to(build).as_posix(): page_text(p.read_text(encoding="utf-8"))
            for p in sorted(build.rglob("*.html"))}


def save(build: Path, where: Path) -> int:
    pages = texts(build)
    for rel, text in pages.items():
        out = where / f"{rel}.txt"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    print(f"saved the text of {len(pages)} pages in {where}")
    return 0


def compare(build: Path, where: Path, lines: int = 12) -> int:
    before = {p.relative_to(where).as_posix()[:-len(".txt")]: p.read_text(encoding="utf-8")
              for p in sorted(where.rglob("*.html.txt"))}
    after = texts(build)
    changed = 0
    for rel in sorted(before.keys() | after.keys()):
        old, new = before.get(rel), after.get(rel)
        if old == new:
            continue
        changed += 1
        if old is None or new is None:
            print(f"{rel}: {'new page' if old is None else 'page gone'}")
            continue
        diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), "before", "after", n=0, lineterm=""))[2:]
        print(f"{rel}: text differs")
        print("\n".join(f"    {line}" for line in diff[:lines]))
        if len(diff) > lines:
            print(f"    ... {len(diff) - lines} more lines")
    print(f"{changed} of {len(before.keys() | after.keys())} pages differ")
    return 1 if changed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("save", "compare"))
    parser.add_argument("dir", type=Path, help="where the texts are saved (outside the repository)")
    parser.add_argument("--build", type=Path, default=BUILD, help="the built site (default: _build/html)")
    args = parser.parse_args(argv)
    if not args.build.is_dir():
        sys.exit(f"no built site at {args.build}: run `make book` first")
    return (save if args.mode == "save" else compare)(args.build, args.dir)


if __name__ == "__main__":
    sys.exit(main())
