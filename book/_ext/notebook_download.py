"""Every chapter written as a MyST notebook can be downloaded as an executed ``.ipynb`` that reads cleanly in Jupyter.

The theme offers the download only when online launch buttons are configured, so this module
writes the notebook into ``_sources`` and tells the theme about it.

The notebook's text cells are written as plain Markdown from the page as Sphinx resolved it,
not copied from the MyST source: glued doses and lists are filled in, glossary terms and
cross-references are plain words, citations are numbered as on the page and listed at the end,
admonitions are quotes and dropdowns are ``<details>``. Plain Markdown, because every Jupyter
front end shows it (JupyterLab, Notebook 7, classic Notebook, VS Code) with no extension;
the MyST renderer for JupyterLab (jupyterlab-myst) cannot fill in glue, nor resolve terms,
references and citations that live in other pages of the book.

Code cells come from the executed notebook, in the same order, with their outputs from the
execution cache (the glued values, now in the text, are dropped). The cells the
page hides (``remove-cell``, ``remove-input``) keep their code, folded (``source_hidden``), so the
notebook still runs from top to bottom in a reader's kernel.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes

INTRO = ("*A chapter of the guide “Easing a Tight Back”, as a notebook. Run all cells (Run menu, Run All Cells) to"
         " bring its timers and checks to life. The folded cells hold the code behind the figures and timers:"
         " click one to see it.*")
_HIDE_SOURCE = {"remove-cell", "remove-input"}
_HIDE_OUTPUT = {"remove-cell", "remove-output"}
_ESCAPE = re.compile(r"([\\`*_\[\]<>$|#])")


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


@dataclass(frozen=True)
class _Cell:
    """Where a code cell of the executed notebook goes among the text."""

    index: int


@dataclass(frozen=True)
class _Line:
    """A block of text that starts at this line of the chapter's source."""

    line: int


class MarkdownWriter:
    """Plain Markdown from a resolved doctree; remembers the citations it met, for a list at the end."""

    def __init__(self):
        self.citations: dict[str, str] = {}  # number shown on the page -> the reference's description

    # --- inline ------------------------------------------------------------------------
    def inline(self, node) -> str:
        if isinstance(node, nodes.Text):
            return _escape(node.astext().replace("\n", " "))
        if isinstance(node, (nodes.raw, nodes.target, nodes.comment, nodes.system_message, nodes.substitution_definition)):
            return ""
        if isinstance(node, nodes.literal):
            text = node.astext()
            fence = "``" if "`" in text else "`"
            return f"{fence}{text}{fence}"
        if "bibtex-citation" in node.get("classes", ()):
            for ref in node.findall(nodes.reference):
                self.citations.setdefault(ref.astext(), ref.get("reftitle", ""))
            return _escape(node.astext())
        text = "".join(self.inline(child) for child in node.children)
        if isinstance(node, nodes.emphasis):
            return f"*{text}*" if text.strip() else text
        if isinstance(node, nodes.strong):
            return f"**{text}**" if text.strip() else text
        if isinstance(node, nodes.reference) and re.match(r"(https?|mailto):", node.get("refuri", "")):
            return f"[{text}]({node['refuri']})"
        return text  # terms, references inside the book, and anything else: their words

    def inlines(self, node) -> str:
        return "".join(self.inline(child) for child in node.children).strip()

    # --- blocks ------------------------------------------------------------------------
    def blocks(self, node, depth: int = 1):
        """Markdown blocks (strings) of ``node``'s children, with ``_Cell`` and ``_Line`` markers between them."""
        for child in node.children:
            if child.line:
                yield _Line(child.line)
            yield from self.block(child, depth)

    def text(self, node, depth: int = 1) -> str:
        """The Markdown of a node's children that cannot hold code cells (list items, quotes)."""
        return "\n\n".join(b for b in self.blocks(node, depth) if isinstance(b, str))

    def block(self, node, depth: int):
        if isinstance(node, (nodes.target, nodes.comment, nodes.system_message, nodes.substitution_definition,
                             nodes.raw, nodes.Invisible)):
            return
        if isinstance(node, nodes.Text):  # loose text in a container (a table built by a page's own code)
            if node.astext().strip():
                yield node.astext().strip()
            return
        if node.get("nb_element") == "cell_code":
            yield _Cell(node["cell_index"])
            caption = next(node.findall(nodes.caption), None)
            if caption is not None:
                yield f"*{self.inlines(caption)}*"
            return
        if isinstance(node, nodes.section):
            title, *rest = node.children
            yield f"{'#' * min(depth, 6)} {self.inlines(title)}"
            for child in rest:
                if child.line:
                    yield _Line(child.line)
                yield from self.block(child, depth + 1)
        elif isinstance(node, (nodes.paragraph, nodes.rubric)):
            text = self.inlines(node)
            yield f"**{text}**" if isinstance(node, nodes.rubric) else text
        elif isinstance(node, nodes.bullet_list):
            yield "\n".join(_item("- ", self.text(item, depth)) for item in node.children)
        elif isinstance(node, nodes.enumerated_list):
            start = node.get("start", 1)
            yield "\n".join(_item(f"{n}. ", self.text(item, depth)) for n, item in enumerate(node.children, start))
        elif isinstance(node, nodes.definition_list):
            yield "\n".join(_item("- ", f"**{self.inlines(item[0])}**: {self.text(item[-1], depth)}")
                            for item in node.children)
        elif isinstance(node, nodes.Admonition):
            titles = [c for c in node.children if isinstance(c, nodes.title)]
            title = self.inlines(titles[0]) if titles else node.tagname.capitalize()
            body = "\n\n".join(b for c in node.children if not isinstance(c, nodes.title)
                               for b in self.block(c, depth) if isinstance(b, str))
            yield _quote(f"**{title}**\n\n{body}")
        elif node.tagname == "dropdown_main":
            title = next(c for c in node.findall(nodes.inline) if "sd-summary-text" in c["classes"])
            body = "\n\n".join(b for c in node.children[1:] for b in self.block(c, depth) if isinstance(b, str))
            yield f"<details>\n<summary>{self.inlines(title)}</summary>\n\n{body}\n\n</details>"
        elif isinstance(node, nodes.block_quote):
            yield _quote(self.text(node, depth))
        elif isinstance(node, nodes.literal_block):
            yield f"```{node.get('language', '')}\n{node.astext()}\n```"
        elif isinstance(node, nodes.table):
            yield self.table(node)
        elif isinstance(node, nodes.transition):
            yield "---"
        else:  # containers and anything new: their content
            yield from self.blocks(node, depth)

    def table(self, node) -> str:
        rows = [[self.text(entry).replace("\n\n", "<br>").replace("\n", " ") for entry in row.children]
                for row in node.findall(nodes.row)]
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows[1:]])


def _item(marker: str, text: str) -> str:
    pad = " " * len(marker)
    return marker + text.replace("\n", "\n" + pad).replace("\n" + pad + "\n", "\n\n")


def _quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.split("\n"))


def _markdown_cell(text: str, number: int) -> dict:
    return {"cell_type": "markdown", "id": f"text-{number}", "metadata": {}, "source": text.strip() + "\n"}


def _is_glue(output: dict) -> bool:
    """A value glued for the page, which Jupyter cannot show; the text cells hold it now."""
    data = output.get("data", {})
    return bool(data) and all(key.startswith("application/papermill.record/") for key in data)


def _code_cell(cell: dict) -> dict:
    cell = copy.deepcopy(cell)
    cell["outputs"] = [o for o in cell["outputs"] if not _is_glue(o)]
    tags = set(cell["metadata"].get("tags", []))
    jupyter = {"source_hidden": True} if tags & _HIDE_SOURCE else {}
    if tags & _HIDE_OUTPUT and cell.get("outputs"):
        jupyter["outputs_hidden"] = True
    if jupyter:
        cell["metadata"]["jupyter"] = jupyter
    return cell


def clean_notebook(executed: dict, doctree: nodes.document) -> dict:
    """The executed notebook with its text cells rewritten as plain Markdown from the resolved page."""
    code = {i: c for i, c in enumerate(executed["cells"]) if c["cell_type"] == "code"}
    source_lines = executed["metadata"].get("source_map", [])
    shown = {n["cell_index"] for n in doctree.findall(nodes.Element) if n.get("nb_element") == "cell_code"}
    writer = MarkdownWriter()
    cells, text = [], []

    def flush():
        if any(t.strip() for t in text):
            cells.append(_markdown_cell("\n\n".join(t for t in text if t.strip()), len(cells)))
        text.clear()

    def emit_code(upto: int, *, hidden_only: bool):
        for i in sorted(code):
            if i > upto:
                break
            if hidden_only and i in shown:
                continue
            flush()
            cells.append(_code_cell(code.pop(i)))

    for item in writer.blocks(doctree):
        if isinstance(item, _Line):  # hidden cells (imports, glue) go where they stood in the source
            emit_code(max((i for i, line in enumerate(source_lines) if line < item.line), default=-1), hidden_only=True)
        elif isinstance(item, _Cell):
            emit_code(item.index, hidden_only=False)
        else:
            text.append(item)
            if not cells and len(text) == 1:  # after the chapter's title
                text.append(INTRO)
    emit_code(len(executed["cells"]), hidden_only=False)
    if writer.citations:
        text.append("## References\n\n" + "\n".join(
            f"- \\[{n}\\] {_escape(title)}" for n, title in writer.citations.items()))
    flush()
    # No saved widget state: classic Notebook then shows no widget at all, not even after Run All.
    metadata = {k: v for k, v in executed["metadata"].items() if k not in ("jupytext", "source_map", "widgets")}
    return {**executed, "metadata": metadata, "cells": cells}


def _with_outputs(app, path: Path) -> dict:
    """The executed notebook with its outputs from the execution cache.

    myst-nb's copy in ``jupyter_execute`` keeps outputs only when it took them from the cache,
    not when it ran the notebook in this build, so the cache is the one sure source.
    """
    import nbformat
    from jupyter_cache import get_cache

    notebook = nbformat.read(path, as_version=4)
    if app.config.nb_execution_cache_path and Path(app.config.nb_execution_cache_path).is_dir():
        try:
            _, notebook = get_cache(app.config.nb_execution_cache_path).merge_match_into_notebook(notebook)
        except KeyError:
            pass  # not in the cache: a page whose notebook was not executed
    return json.loads(nbformat.writes(notebook))


def _write_notebook(app, doctree, docname):
    if app.builder.format != "html":
        return
    executed = Path(app.outdir).parent / "jupyter_execute" / f"{docname}.ipynb"
    if not executed.is_file():
        return  # a plain Markdown page, not a notebook
    target = Path(app.outdir) / "_sources" / f"{docname}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    notebook = clean_notebook(_with_outputs(app, executed), doctree)
    target.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _offer_download(app, pagename, templatename, context, doctree):
    """Tell the theme there is a notebook to download for this page."""
    if context.get("sourcename", "").endswith((".md", ".md.txt")) and \
            (Path(app.outdir) / "_sources" / f"{pagename}.ipynb").is_file():
        context["ipynb_source"] = f"{pagename}.ipynb"


def setup(app):
    app.connect("doctree-resolved", _write_notebook)
    # Before the theme builds its header buttons (priority 501).
    app.connect("html-page-context", _offer_download, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
