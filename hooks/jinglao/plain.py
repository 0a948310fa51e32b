"""Plain data: what the derive stage hands to templates and open data (dicts, lists, strings,
numbers), so templates never call into Python objects and port to MiniJinja; and plain text made
safe for Markdown (pages and the pull-request report both print text from unit files)."""

from __future__ import annotations

import html
import re
from typing import Any

from markupsafe import Markup

Data = dict[str, Any]

Pages = dict[str, str | bytes]
"""Generated files by path: text, or bytes for binary files (a bag's scans and PDFs)."""


# Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS) plus ``|``.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def md_escape(value: Any) -> Markup:
    """Text that Markdown shows literally: HTML-escaped, Markdown punctuation backslashed."""
    text = " ".join(str(value).split())  # one line: no new paragraphs or list items
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=True)))
