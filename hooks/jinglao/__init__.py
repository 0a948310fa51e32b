"""jinglao: the core of the 敬老文明号 portal.

The pipeline runs one way: load (YAML with source positions) → validate (every problem at once)
→ derive (plain data) → render (Markdown pages). Nothing here imports MkDocs; the thin adapter in
``hooks/mkdocs_hook.py`` hands the rendered pages to MkDocs.
"""

__version__ = "0.1.0"
