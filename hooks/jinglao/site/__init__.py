"""Everything the public sees, from validated records: derive (plain data, stats, charts) and
render (portal pages, hall screens, printed boards and cards, open data) through ``theme/pages``."""
