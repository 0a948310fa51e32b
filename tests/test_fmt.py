"""``jinglao fmt``: one canonical text per data file (the rules: ``source/canonical.py``).

Formatting never changes what the loader reads, formatting twice gives the same bytes, each
rule of the canonical form is pinned by a test, and the command reports (in Chinese, with
file:line) what it will not touch: files with comments, files that do not load, links out.
"""

from __future__ import annotations

import copy
import difflib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from jinglao.cli.fmt import first_difference, format_text
from jinglao.source.canonical import canonical_text, comment_marks, same_data
from jinglao.source.yamldoc import parse_text
from jinglao.unit.canonical import unit_text

from .conftest import REPO, run_cli
from .support.scalars import TRICKY_STRINGS
from .support.units import unit_data

DEMO_UNITS = sorted(REPO.glob("units/*/unit.yml"))
HOSPITAL = "units/anlan-renmin-yiyuan/unit.yml"


def load(text: str) -> Any:
    doc, problems = parse_text("unit.yml", text)
    assert doc is not None, problems
    return doc.data


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def messy(data: Any) -> str:
    """The same data as a person might write it: flow style, keys sorted, folded lines."""
    return yaml.dump(
        data,
        Dumper=_NoAliases,
        allow_unicode=True,
        default_flow_style=True,
        sort_keys=True,
        width=40,
    )


# --- data is preserved, the text is stable -------------------------------------------------


@pytest.mark.parametrize("path", DEMO_UNITS, ids=lambda p: p.parent.name)
def test_every_demo_unit_is_stored_canonical_and_comes_back_from_any_layout(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = load(text)
    assert unit_text(data) == text
    rewritten = messy(data)
    assert rewritten != text and same_data(load(rewritten), data)
    assert unit_text(load(rewritten)) == text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit_data(load((REPO / HOSPITAL).read_text(encoding="utf-8"))))
def test_generated_units_keep_their_data_and_format_once(data: dict[str, Any]) -> None:
    text = unit_text(data)
    assert same_data(load(text), data)
    assert unit_text(load(text)) == text
    assert unit_text(load(messy(data))) == text


@pytest.mark.parametrize("value", TRICKY_STRINGS, ids=repr)
def test_tricky_strings_come_back_unchanged_in_every_position(value: str) -> None:
    for data in ({"value": value}, {"values": [value, "x"]}, {"a": [{"b": value, "c": 1}]}):
        text = canonical_text(data)
        assert same_data(load(text), data), text
        assert canonical_text(load(text)) == text


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [leaf for key, item in node.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(node, list):
        return [leaf for i, item in enumerate(node) for leaf in _leaves(item, (*path, i))]
    return [path]


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    return f"{value or ''}改过"


def test_changing_any_one_value_changes_at_most_its_own_lines() -> None:
    """What the web editor's saves rely on: one value changed, a diff of that value's lines."""
    text = (REPO / HOSPITAL).read_text(encoding="utf-8")
    original = load(text)
    sizes = []
    for path in _leaves(original):
        data = copy.deepcopy(original)
        *parents, last = path
        node = data
        for key in parents:
            node = node[key]
        node[last] = _changed(node[last])
        diff = difflib.unified_diff(text.splitlines(), unit_text(data).splitlines(), n=0)
        sizes.append(sum(1 for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")))
    assert len(sizes) > 250 and max(sizes) == 2  # the old line out, the new one in


# --- rule 2: key order from the model -------------------------------------------------------


def test_keys_follow_the_model_through_lists_unions_and_unknown_keys() -> None:
    data = {
        "zz_unknown": 1,
        "phones": [{"number": "0599-6822120", "role": "咨询"}],
        "commitments": ["一条", {"kind": "禁止", "text": "不得推诿"}],
        "name": "某单位",
        "aa_unknown": 2,
        "sector": "卫生系统",
    }
    text = unit_text(data)
    keys = re.findall(r"^(\w+):", text, re.M)
    assert keys == ["name", "sector", "phones", "commitments", "zz_unknown", "aa_unknown"]
    assert "  - role: 咨询\n    number: 0599-6822120\n" in text
    assert "  - text: 不得推诿\n    kind: 禁止\n" in text  # the Commitment branch of the union


# --- rules 3 and 4: block style, indentation --------------------------------------------------


def test_block_style_with_two_space_indents_and_flow_only_when_empty() -> None:
    data = {"a": {"b": [1, 2], "c": [{"d": "x", "e": {"f": "y"}}], "g": [], "h": {}}, "i": [[1]]}
    assert canonical_text(data) == (
        "a:\n"
        "  b:\n"
        "    - 1\n"
        "    - 2\n"
        "  c:\n"
        "    - d: x\n"
        "      e:\n"
        "        f: y\n"
        "  g: []\n"
        "  h: {}\n"
        "\n"
        "i:\n"
        "  -   - 1\n"  # a list in a list (no unit field has one) as ruamel writes it
    )


# --- rule 5: scalar styles --------------------------------------------------------------------


def test_long_text_is_never_folded() -> None:
    for value in ("老年人办事优先" * 100, "a b c " * 200 + "end"):
        assert canonical_text({"intro": value}) == f"intro: {value}\n"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("17:30", "17:30"),
        ("yes", "yes"),
        ("2025-03-01", "2025-03-01"),
        ("120", "'120'"),
        ("true", "'true'"),
        ("", "''"),
        ("null", "'null'"),
        ("- x", "'- x'"),
        ("a: b", "'a: b'"),
        ("#x", "'#x'"),
        ("@x", "'@x'"),
        (" x", "' x'"),
        ("x ", "'x '"),
        ("it's", "it's"),
        ("'x: y'", "'''x: y'''"),
        ("tab\there", '"tab\\there"'),
        ("a\u2028b", '"a\\Lb"'),
        (120, "120"),
        (1.5, "1.5"),
        (1e20, "1.0e+20"),
        (True, "true"),
        (None, ""),
    ],
)
def test_a_scalar_is_plain_when_it_reads_back_else_quoted(value: Any, written: str) -> None:
    assert canonical_text({"k": value}) == f"k: {written}".rstrip() + "\n"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("一\n二", "k: |-\n  一\n  二\n"),
        ("一\n二\n", "k: |\n  一\n  二\n"),
        (" 一\n二", "k: |2-\n   一\n  二\n"),
        ("一 \n二", 'k: "一 \\n二"\n'),
        ("一\n\n", 'k: "一\\n\\n"\n'),
    ],
)
def test_text_with_line_breaks_is_a_literal_block(value: str, written: str) -> None:
    assert canonical_text({"k": value}) == written


# --- rule 6: bytes and blank lines ------------------------------------------------------------


def test_one_blank_line_before_each_top_level_key_and_nowhere_else() -> None:
    data = load((REPO / HOSPITAL).read_text(encoding="utf-8"))
    text = unit_text(data)
    lines = text.split("\n")
    assert text.endswith("\n") and not text.endswith("\n\n") and "\r" not in text
    assert not text.startswith("---") and "\n...\n" not in text
    assert [line for line in lines if line != line.rstrip()] == []
    for number, line in enumerate(lines[1:-1], start=1):
        top_level = bool(line) and not line[0].isspace() and not line.startswith("-")
        assert (lines[number - 1] == "") == top_level, (number, line)


def test_empty_values_are_written_as_nothing_without_trailing_spaces() -> None:
    assert canonical_text({"a": None, "b": [None, {"x": None}]}) == "a:\n\nb:\n  -\n  - x:\n"


# --- rule 7: comments -------------------------------------------------------------------------


def test_comments_are_found_outside_scalars_only() -> None:
    text = (
        "# 开头的说明\n"
        "name: 某单位 # 行尾注释\n"
        "intro: '不是 #注释'\n"
        "url: https://example.org/#part\n"
        "text: |  # 块的注释\n"
        "  # 块里的文字\n"
        "  第二行\n"
        "# 块后的注释\n"
        "list:\n"
        "  - a  # 项的注释\n"
    )
    assert comment_marks(text) == [(1, 1), (2, 11), (5, 10), (8, 1), (10, 8)]


def _refused_and_untouched(
    demo: Path, capsys: pytest.CaptureFixture[str], old: str, new: str
) -> str:
    """The hospital with ``old`` replaced by ``new``: fmt exits 1 and leaves it; what it said."""
    path = demo / HOSPITAL
    changed = path.read_text(encoding="utf-8").replace(old, new, 1)
    path.write_text(changed, encoding="utf-8")
    code, _ = run_cli("fmt", "--project", str(demo))
    assert code == 1 and path.read_text(encoding="utf-8") == changed
    return capsys.readouterr().err


def test_a_file_with_comments_is_reported_and_left_alone(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo / HOSPITAL
    err = _refused_and_untouched(demo, capsys, "sector:", "# 备注\nsector:  ")
    assert f"{HOSPITAL}:5:1: 错误 这里有注释（# 开头），fmt 不会替您删掉" in err
    assert "--drop-comments" in err
    code, _ = run_cli("fmt", "--drop-comments", "--project", str(demo))
    assert code == 0 and path.read_bytes() == (REPO / HOSPITAL).read_bytes()


# --- the command ------------------------------------------------------------------------------


def test_check_passes_on_the_demo_county() -> None:
    assert run_cli("fmt", "--check", "--project", str(REPO)) == (
        0,
        f"检查了 {len(DEMO_UNITS)} 个文件，都是规范格式。\n",
    )


def test_check_names_each_file_and_its_first_different_line(demo: Path) -> None:
    path = demo / HOSPITAL
    path.write_text(
        path.read_text(encoding="utf-8").replace("sector: 卫生系统\n", "sector:   卫生系统\n"),
        encoding="utf-8",
    )
    before = path.read_bytes()
    code, out = run_cli("fmt", "--check", "--project", str(demo))
    assert code == 1 and path.read_bytes() == before
    assert out == (
        f"{HOSPITAL}:5: 不是规范格式。第 5 行现在是「sector:   卫生系统」，应为「sector: 卫生系统」\n"
        "有 1 个文件不是规范格式：运行 jinglao fmt 可自动整理（只改格式，不改内容）。\n"
    )
    code, out = run_cli("fmt", "--project", str(demo))
    assert (code, out.splitlines()[0]) == (0, f"已整理 {HOSPITAL}")
    assert path.read_bytes() == (REPO / HOSPITAL).read_bytes()
    assert run_cli("fmt", "--check", "--project", str(demo))[0] == 0


def test_windows_line_ends_and_a_bom_are_named_and_fixed(demo: Path) -> None:
    path = demo / HOSPITAL
    canonical = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + canonical.replace(b"\n", b"\r\n"))
    code, out = run_cli("fmt", "--check", "--project", str(demo))
    assert code == 1 and out.startswith(f"{HOSPITAL}:1: 不是规范格式：换行符或文件开头的编码标记")
    assert run_cli("fmt", "--project", str(demo))[0] == 0 and path.read_bytes() == canonical


def test_named_files_only_and_cycle_files_by_their_model(demo: Path) -> None:
    cycle = demo / "cycles/2024-2026.yml"
    data = load(cycle.read_text(encoding="utf-8"))
    cycle.write_text(messy(data), encoding="utf-8")
    code, out = run_cli("fmt", "--project", str(demo), str(cycle))
    assert (code, out) == (
        0,
        "已整理 cycles/2024-2026.yml\n共整理 1 个文件（只改格式，内容不变）。\n",
    )
    text = cycle.read_text(encoding="utf-8")
    assert same_data(load(text), data) and text.startswith("title: ")


def test_a_folder_names_the_unit_files_in_it_and_an_unreadable_file_is_reported(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo / HOSPITAL
    path.write_text(messy(load(path.read_text(encoding="utf-8"))), encoding="utf-8")
    assert run_cli("fmt", "--project", str(demo), str(path.parent)) == (
        0,
        f"已整理 {HOSPITAL}\n共整理 1 个文件（只改格式，内容不变）。\n",
    )
    real = Path.read_bytes

    def refused(self: Path) -> bytes:
        if self.name == "unit.yml":
            raise PermissionError(13, "权限不够")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refused)  # the tests run as root: chmod is no bar
    code, _ = run_cli("fmt", "--check", "--project", str(demo), str(path))
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1 and f"{HOSPITAL}:1:1: 错误 无法读取这个文件（权限不够）" in err, err


def test_a_file_that_does_not_load_is_located_and_untouched(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused_and_untouched(demo, capsys, "level: 县级", "level: [县级")
    assert re.search(rf"{HOSPITAL}:\d+:\d+: 错误 YAML 格式错误", err), err
    assert "Traceback" not in err


def test_links_out_of_the_project_and_outside_paths_are_refused(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("name:   秘密\n", encoding="utf-8")
    (demo / "units/lianjie").mkdir()
    (demo / "units/lianjie/unit.yml").symlink_to(secret)
    code, _ = run_cli("fmt", "--project", str(demo))
    err = capsys.readouterr().err
    assert code == 1 and secret.read_text(encoding="utf-8") == "name:   秘密\n"
    assert "units/lianjie/unit.yml:1:1: 错误 「units/lianjie/unit.yml」是指向仓库以外的链接" in err
    code, _ = run_cli("fmt", "--project", str(demo), str(secret))
    assert code == 1 and "不是 fmt 整理的资料文件" in capsys.readouterr().err
    assert secret.read_text(encoding="utf-8") == "name:   秘密\n"


def test_a_result_that_would_read_differently_is_never_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert format_text("units/x/unit.yml", b"name: '1e5'\n").text == "name: 1e5\n"  # text
    monkeypatch.setattr("jinglao.cli.fmt.canonical_text", lambda data: "name: 1.0e+5\n")
    outcome = format_text("units/x/unit.yml", b"name: '1e5'\n")
    assert outcome.text is None
    assert [p.message for p in outcome.problems] == ["无法整理这个文件：整理后内容会变"]


def test_first_difference_names_the_line_in_both_texts() -> None:
    assert first_difference("a\nb\n", "a\nc\n") == (2, "b", "c")
    assert first_difference("a\n\nb", "a\nb") == (2, "（空行）", "b")
    assert first_difference("a\n", "a\n\nb\n") == (3, "（文件结束）", "b")
