"""The ``jinglao`` command line: ``main.py`` parses arguments, one module per command does the work.

Every command goes through ``jinglao.pipeline``; none reads files the pipeline has read already.
"""

from .main import main

__all__ = ["main"]
