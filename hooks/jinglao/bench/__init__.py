"""``jinglao bench``: a synthetic county and the figures of building it, next to the baselines.

Only the command line and the developer page use this package; tests do not import it.
"""
