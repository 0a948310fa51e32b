"""The policy library's own rules: a document number must name a document one can look up."""

from __future__ import annotations

from pathlib import Path

import pytest

from jinglao.county.model import Policy
from jinglao.county.rules import check_number

from .conftest import assert_golden, run_cli, strict_build

GOOD = "number: 国办发〔2019〕51号"
EMPTY_YEAR = "number: 国办发〔〕51号"


def _empty_year(root: Path) -> None:
    path = root / "content/policies/hao-cha-ping-zhidu.md"
    text = path.read_text(encoding="utf-8")
    assert GOOD in text
    path.write_text(text.replace(GOOD, EMPTY_YEAR), encoding="utf-8")


def test_a_number_without_its_year_is_a_located_error(demo: Path) -> None:
    _empty_year(demo)
    code, output = run_cli("validate", "--project", str(demo))
    assert code == 1
    assert_golden("validate/policy-number-without-year.txt", output)


def test_the_build_fails_on_it_with_the_same_message(demo: Path) -> None:
    _empty_year(demo)
    _, report = run_cli("validate", "--project", str(demo))
    code, output = strict_build(demo)
    assert code == 1 and "Traceback" not in output
    assert report.splitlines()[0] in output


@pytest.mark.parametrize(
    ("number", "complete"),
    [
        ("闽政〔2017〕17号", True),
        ("民发〔2025〕27号", True),
        ("闽政〔〕17号", False),
        ("宁政文〔 〕236号", False),
        ("闽政[]45号", False),  # the county plan writes the same gap with square brackets
        ("闽政（）45号", False),
    ],
)
def test_which_numbers_are_complete(number: str, complete: bool) -> None:
    policy = Policy(title="某文件", issuer="某机关", level="省", number=number)
    assert (list(check_number(policy)) == []) is complete
