"""``jinglao cms-config``: the web editor's configuration follows the unit model, and /admin/ is
part of the built site without being part of its navigation or search."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from jinglao.schema.vocab import SECTOR_SLUGS, Level
from jinglao.unit.model import Unit

from .conftest import REPO, run_cli

ADMIN = REPO / "content" / "admin"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ADMIN / "config.yml").read_text(encoding="utf-8"))
    return loaded


def units(config: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == "units")


def walk(fields: list[dict[str, Any]], path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for field in fields:
        where = f"{path}.{field['name']}" if path else field["name"]
        yield where, field
        yield from walk(field.get("fields", []), where)
        if "field" in field:
            yield from walk([field["field"]], where)


def outside_lists(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for field in fields:
        yield field
        if field["widget"] == "object":
            yield from outside_lists(field["fields"])


def field_at(config: dict[str, Any], path: str) -> dict[str, Any]:
    return dict(walk(units(config)["fields"]))[path]


def test_committed_config_is_current() -> None:
    code, out = run_cli("cms-config", "--check", "--project", str(REPO))
    assert code == 0, out
    assert "content/admin/config.yml 是最新的" in out


def test_check_notices_a_stale_config(demo: Path) -> None:
    path = demo / "content" / "admin" / "config.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("label: 单位名称", "label: 名称"))
    code, out = run_cli("cms-config", "--check", "--project", str(demo))
    assert code == 1
    assert "不是最新的" in out and "jinglao cms-config" in out
    assert run_cli("cms-config", "--project", str(demo))[0] == 0
    assert run_cli("cms-config", "--check", "--project", str(demo))[0] == 0


def test_county_repository_and_oauth_service_are_kept(demo: Path) -> None:
    args = ("--project", str(demo))
    url = "https://decap-proxy.anlan.workers.dev"
    assert (
        run_cli("cms-config", "--repo", "anlan-laoling/jinglao", "--oauth-url", url, *args)[0] == 0
    )
    assert run_cli("cms-config", *args)[0] == 0  # a rerun keeps both
    backend = yaml.safe_load((demo / "content/admin/config.yml").read_text(encoding="utf-8"))
    assert backend["backend"]["repo"] == "anlan-laoling/jinglao"
    assert backend["backend"]["base_url"] == url
    code, out = run_cli("cms-config", "--repo", "没有斜线", *args)
    assert code == 2 and "账号/仓库名" in out


def test_github_backend_with_a_pull_request_per_save(config: dict[str, Any]) -> None:
    assert config["backend"]["name"] == "github"
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", config["backend"]["repo"])
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] is True
    assert config["locale"] == "zh_Hans"


def test_every_field_has_a_chinese_label_and_model_hints(config: dict[str, Any]) -> None:
    fields = dict(walk(units(config)["fields"]))
    assert fields and all(CJK.search(f["label"]) for f in fields.values())
    assert fields["name"]["hint"] == "例如：安澜县人民医院"


def test_every_enumeration_is_a_select(config: dict[str, Any]) -> None:
    sector = field_at(config, "sector")
    assert sector["widget"] == "select" and sector["options"] == list(SECTOR_SLUGS)
    assert field_at(config, "level")["options"] == list(get_args(Level))
    channels = field_at(config, "disclosure.channels")
    assert channels["widget"] == "select" and channels["multiple"] is True
    selects = {
        tuple(f["options"]) for _, f in walk(units(config)["fields"]) if f["widget"] == "select"
    }
    # A commitment is edited as one sentence (``str | Commitment``, the model's first form): the
    # structured commitment's kind and bound are not in the form (Decap has no union widget).
    structured_only = set(enumerations(Unit.model_json_schema()["$defs"]["Commitment"]))
    structured_only |= set(enumerations(Unit.model_json_schema()["$defs"]["Target"]))
    structured_only -= selects
    assert selects == set(enumerations(Unit.model_json_schema())) - structured_only
    assert len(structured_only) == 2


def enumerations(node: Any) -> Iterator[tuple[str, ...]]:
    """Every list of allowed values in a JSON Schema."""
    if isinstance(node, dict):
        if "enum" in node:
            yield tuple(map(str, node["enum"]))
        for value in node.values():
            yield from enumerations(value)
    elif isinstance(node, list):
        for value in node:
            yield from enumerations(value)


def test_relations_to_policy_library_and_townships(config: dict[str, Any]) -> None:
    policies = field_at(config, "disclosure.policies")
    assert policies["widget"] == "relation" and policies["collection"] == "policies"
    assert policies["value_field"] == "{{slug}}" and policies["multiple"] is True
    township = field_at(config, "township")
    assert township["widget"] == "relation" and township["collection"] == "county"
    assert township["value_field"] == "townships.*.name"
    library = next(c for c in config["collections"] if c["name"] == "policies")
    assert library["folder"] == "content/policies" and library["hide"] is True
    county = next(c for c in config["collections"] if c["name"] == "county")
    assert county["files"][0]["file"] == "units/county.yml"


def test_county_file_is_not_a_unit(config: dict[str, Any]) -> None:
    collection = units(config)
    assert collection["folder"] == "units" and collection["format"] == "jinglao-unit"
    assert collection["filter"] == {"field": "__jinglao_unit_file", "value": True}
    assert "__jinglao_unit_file" in (ADMIN / "admin.js").read_text(encoding="utf-8")


def test_optional_objects_can_be_saved_empty(config: dict[str, Any]) -> None:
    for path, field in walk(units(config)["fields"]):
        if field["widget"] == "object" and not field["required"]:
            # (a list's items exist only once added; their own fields may be required)
            assert not any(f["required"] for f in outside_lists(field["fields"])), path
    assert field_at(config, "status")["required"] is False
    assert field_at(config, "status.state")["required"] is False


def test_checks_before_saving(config: dict[str, Any]) -> None:
    assert field_at(config, "name")["required"] is True
    interval = field_at(config, "screen.interval")
    assert interval["widget"] == "number" and interval["value_type"] == "int"
    assert "min" in interval and "max" in interval
    date = field_at(config, "activities.date")
    assert date["widget"] == "string"
    assert re.match(date["pattern"][0], "2025年3月") and not re.match(date["pattern"][0], "2025/3")
    # Shared types the schema refers to ($ref) are checked in the form with the schema's pattern.
    number = field_at(config, "phones.number")
    assert re.match(number["pattern"][0], "0599-6822120")
    assert not re.match(number["pattern"][0], "0599/6822120")
    assert "区号-号码" in number["pattern"][1]  # the rule in the clerk's words, not 「格式不对」
    assert "pattern" not in field_at(config, "name")  # plain text: only required is checked


def test_unit_shape_follows_the_model_order() -> None:
    text = (ADMIN / "unit-shape.js").read_text(encoding="utf-8")
    shape = json.loads(text.split("export default ", 1)[1].rstrip().rstrip(";"))
    assert [key for key, _ in shape["models"]["Unit"]] == [
        info.alias or name for name, info in Unit.model_fields.items()
    ]
    procedure = dict(shape["models"]["Procedure"])
    assert procedure["time_limit"] == ["TimeLimit"]
    assert dict(shape["models"]["TimeLimit"])["variants"] == ["TimeLimitVariant"]


def test_admin_is_in_the_site_but_not_in_nav_or_search(demo_site: Path) -> None:
    admin = demo_site / "admin"
    for name in ("index.html", "config.yml", "admin.js", "canonical.js", "unit-shape.js"):
        assert (admin / name).is_file(), name
    assert (admin / "vendor" / "decap-cms" / "decap-cms.js").is_file()
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert 'src="vendor/decap-cms/decap-cms.js"' in page and "noindex" in page
    assert not re.search(r'src="(https?:)?//', page)
    assert "data-pagefind-body" not in page  # the search indexes marked pages only
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert 'href="admin/' not in home


def test_collapsed_items_are_named_by_a_field_every_item_has(config: dict[str, Any]) -> None:
    """A staff member's name is optional (privacy): the list shows the name and the post, so an
    unnamed member is still told apart, not listed as "No name"."""
    assert (
        field_at(config, "disclosure.identification.staff")["summary"]
        == "{{fields.name}} {{fields.post}}"
    )
    assert field_at(config, "disclosure.procedures")["summary"] == "{{fields.name}}"
    assert field_at(config, "commitments")["summary"] == "{{fields.item}}"  # each its own text


def test_hints_speak_to_a_clerk_not_to_a_yaml_editor(config: dict[str, Any]) -> None:
    """The schema's descriptions serve VS Code users too; the form drops YAML/JSON examples,
    names fields by their titles, and says how to set a switch."""
    hints = {path: field.get("hint", "") for path, field in walk(units(config)["fields"])}
    assert "supervision" not in hints["phones"] and "「其他监督渠道」" in hints["phones"]
    assert not [path for path, hint in hints.items() if "{" in hint or "[" in hint]
    assert hints["disclosure.procedures.steps.optional"].endswith("打开这个开关")
    assert hints["disclosure.procedures.steps.time_limit.anchor"].count("例如") == 1
