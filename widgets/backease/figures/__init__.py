"""Figures drawn by code for the guide. Each function returns a matplotlib Figure."""
from .style import setup
from .timeline import draw_timeline

__all__ = ["draw_timeline", "setup"]
