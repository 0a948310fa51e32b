"""Helpers the tests need (a free port, fetching a page, waiting for a state); production code
never imports them, and tests never import the benchmark's."""
