"""The guide's data and rules: routines, techniques, levels, plans, courses, red flags, checks, the diary.

Plain Python (and YAML): nothing here imports the text, figures, printables or widgets above it,
so a script that reads or checks the data never loads anywidget, IPython or matplotlib.
"""
