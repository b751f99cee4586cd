"""Put text computed in a chapter (a dose, a total time) into the chapter's prose."""
from IPython.display import Markdown


def glue_text(name: str, text: str) -> None:
    """Make ``text`` available to the page as ``{glue:md}`name```.

    Outside a book build (a reader's own Jupyter, without myst-nb) this does nothing.
    """
    try:
        from myst_nb import glue
    except ImportError:
        return
    glue(name, Markdown(text), display=False)
