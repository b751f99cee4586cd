"""Figures drawn by code for the guide. Each function returns a matplotlib Figure."""
from .anatomy import draw_muscle_layers, draw_psoas_and_ql, draw_spine, draw_vertebra_pair
from .loop import draw_tension_loop
from .style import setup
from .timeline import draw_timeline

__all__ = [
    "draw_muscle_layers", "draw_psoas_and_ql", "draw_spine", "draw_tension_loop", "draw_timeline",
    "draw_vertebra_pair", "setup",
]
