"""Reading the repository's files: YAML with positions, git history, and ``mkdocs.yml`` settings.

The lowest layer above ``problems``: nothing here knows what a unit or a cycle is.
"""
