"""What the reader is told when this browser refuses to keep something: its storage is full, or it is turned off
(as in some private windows). Each widget sends these words as ``refused`` with what it keeps (the diary's spec, the
home plan's data, the conditions' store, My routine's problems); ``refusal`` in ``widgets/static/_shared.js`` puts
what was not kept in front ("Your diary entry was not saved: ") and picks the sentence from the browser's error.
A refusal changes nothing already kept, and the words say so."""
from __future__ import annotations

REFUSED = {
    "full": "this browser has no room left to keep more for this guide. Nothing you kept before was changed."
            " You can free some room in your browser's settings, then try again; clearing this guide's own data"
            " would delete your diary too.",
    "off": "this browser does not let this guide keep anything (its storage is off, as in some private windows)."
           " Nothing you kept before was changed. In an ordinary window, or once your browser's settings let this"
           " site keep data, you can try again.",
}
