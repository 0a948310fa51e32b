"""Settings for the property tests that build whole files per example: no deadline (a cold
machine is slow), no example database (nothing written into the tree), and the health checks
that flag slow or large data off, since that is what these tests generate."""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def whole_file_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
