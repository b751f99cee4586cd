"""The model in words: Markdown, MyST and sentences for the chapters, computed from the data.

``glue`` puts such text into a chapter (``{glue:md}``); it is the one module here that needs IPython.
"""
