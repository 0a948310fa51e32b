"""Plain data: what the derive stage hands to templates and open data (dicts, lists, strings,
numbers), so templates never call into Python objects and port to MiniJinja."""

from __future__ import annotations

from typing import Any

Data = dict[str, Any]

Pages = dict[str, str | bytes]
"""Generated files by path: text, or bytes for binary files (a bag's scans and PDFs)."""
