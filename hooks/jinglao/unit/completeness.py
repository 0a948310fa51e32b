"""Which required items a unit has filled in: the six disclosures, the six aspects and three
systems of its standards, and its creation archive — and so whether it may take part in the
county evaluation. One computation, read by the unit page, ``/status/``, ``jinglao check``, the
Excel register and the cycle rules alike."""

from __future__ import annotations

from dataclasses import dataclass

from ..plain import Data
from ..schema import vocab
from ..schema.unpublished import given, listed
from .model import Unit


@dataclass(frozen=True)
class Completeness:
    disclosure: dict[str, bool]  # label → present, for each of the six 公开 items
    aspects: dict[str, bool]
    systems: dict[str, bool]
    archive: dict[str, bool]

    @property
    def archive_missing(self) -> list[str]:
        return [label for label, present in self.archive.items() if not present]

    @property
    def eligible(self) -> bool:
        """未提交创建工作资料的单位不参与县级评比表彰 (plan, section 五(二))."""
        return not self.archive_missing


def _filled(part: object, labels: dict[str, str]) -> dict[str, bool]:
    return {label: bool(part and getattr(part, key)) for key, label in labels.items()}


def _disclosed(unit: Unit) -> dict[str, bool]:
    """Each of the six 公开 items: published, or declared 未公布 (whole, or for any procedure)."""
    found = unit.disclosure
    procedures = listed(found.procedures)
    published = {
        "policies": given(found.policies) is not None,
        "services": given(found.services) is not None,
        "procedures": bool(procedures),
        "time_limits": bool(procedures)
        and all(given(p.time_limit) is not None for p in procedures),
        "results": bool(procedures) and all(given(p.result) is not None for p in procedures),
        "standards": given(found.standards) is not None,
    }
    return dict(zip(vocab.DISCLOSURE_ITEMS, published.values(), strict=True))


def completeness(unit: Unit) -> Completeness:
    creation = unit.creation
    return Completeness(
        disclosure=_disclosed(unit),
        aspects=_filled(creation and creation.aspects, vocab.ASPECTS),
        systems=_filled(creation and creation.systems, vocab.SYSTEMS),
        archive=_filled(unit.archive, vocab.ARCHIVE_ITEMS),
    )


def _score(*parts: dict[str, bool]) -> str:
    return f"{sum(sum(p.values()) for p in parts)}/{sum(len(p) for p in parts)}"


def completeness_data(done: Completeness) -> Data:
    """The same, as plain data with the wording pages and registers show."""
    missing = done.archive_missing
    return {
        "disclosure": done.disclosure,
        "aspects": done.aspects,
        "systems": done.systems,
        "archive": done.archive,
        "archive_missing": missing,
        "archive_complete": not missing,
        "eligible": done.eligible,
        "disclosure_score": _score(done.disclosure),
        "standards_score": _score(done.aspects, done.systems),
        "archive_text": "齐全" if not missing else "缺" + "、".join(missing),
        "eligibility": "可参加" if done.eligible else "暂不能参加",
        "eligibility_sentence": "齐全，可参加本届评选"
        if done.eligible
        else f"尚缺{'、'.join(missing)}，暂不能参加县级评选",
    }
