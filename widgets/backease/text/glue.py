"""Put text computed in a chapter (a dose, a total time) into the chapter's prose."""
from IPython import get_ipython
from IPython.display import display

# myst-nb's glue protocol (``myst_nb.glue(name, value, display=False)``): the value's display data,
# each type under this prefix, named in the output's "scrapbook" metadata. Written out here rather
# than calling myst-nb: its glue module imports nbformat and jsonschema, half a second of CPU in
# every chapter's kernel. tests/test_text_glue.py holds this to what myst-nb itself writes.
GLUE_PREFIX = "application/papermill.record/"


def glue_text(name: str, text: str) -> None:
    """Make ``text`` available to the page as ``{glue:md}`name```. Nothing shows in the notebook,
    and outside IPython (a plain script) nothing happens."""
    if get_ipython() is None:
        return
    display({GLUE_PREFIX + "text/markdown": text, GLUE_PREFIX + "text/plain": text}, raw=True,
            metadata={"scrapbook": {"name": name, "mime_prefix": GLUE_PREFIX}})
