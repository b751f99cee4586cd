"""The interactive widgets (anywidget): each Python class with its ES module and styles in ``static/``."""
