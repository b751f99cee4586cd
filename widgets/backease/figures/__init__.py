"""Figures drawn by code for the guide. Each function returns a matplotlib Figure."""
from .pelvis import draw_book_under_foot, draw_hands_on_crests
from .style import setup
from .timeline import draw_timeline

__all__ = ["draw_book_under_foot", "draw_hands_on_crests", "draw_timeline", "setup"]
