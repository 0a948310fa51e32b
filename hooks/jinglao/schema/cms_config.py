"""The web editor's configuration (Decap CMS ``config.yml``), generated from a model's JSON Schema.

Never written by hand: ``jinglao cms-config`` rewrites ``content/admin/config.yml`` and the key
order the editor writes unit files in (``content/admin/unit-shape.js``), and a test checks both are
current. Labels and hints are the schema's Chinese titles and descriptions; every enumeration is a
select; patterns, ranges and required fields are checked in the form before saving. Inside an
optional object nothing is required, so that such an object can be saved empty (Decap would
otherwise refuse to save while a required field of an absent object is empty); the PR check still
reports the full rules after saving.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .form_hints import PATTERN_HINT, PATTERN_HINTS, field_titles, form_hint
from .inline_defs import SHARED_KEY, inline_scalar_defs, ref_name

# Fields whose text is long enough for a multi-line box.
LONG_TEXT = frozenset(
    {"intro", "description", "note", "content", "text", "finding", "rectification", "reason"}
)
# Chinese messages for the patterns the form checks before saving, by the pattern's first chars.
UNIT_FILE_MARK = "__jinglao_unit_file"  # set (not enumerable) by admin.js on each unit file read
SCALAR_WIDGETS = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}


@dataclass(frozen=True)
class Relations:
    """Fields whose values name another file: the policy library and the county's townships."""

    policies: frozenset[str] = frozenset({"Disclosure.policies"})
    townships: frozenset[str] = frozenset({"Unit.township"})


def _branches(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives of a property (``anyOf``/``oneOf``), without ``null``."""
    options = node.get("anyOf") or node.get("oneOf")
    if options is None:
        return [node]
    found: list[dict[str, Any]] = []
    for option in options:
        if option.get("type") == "null":
            continue
        found += _branches(option)
    return found


def _nullable(node: dict[str, Any]) -> bool:
    options = node.get("anyOf") or node.get("oneOf") or []
    return any(option.get("type") == "null" for option in options)


def _text_alternative(node: dict[str, Any]) -> bool:
    """Whether a unit may write plain text instead of the structured form (``未公布：…``, or a
    commitment as one sentence). The form edits the structured form; text written in the file
    stays as it is unless the user fills the form in."""
    branches = _branches(node)
    return len(branches) > 1 and any(branch.get("type") == "string" for branch in branches)


def _main_branch(node: dict[str, Any]) -> dict[str, Any]:
    """The form a field is edited in: the model's first alternative (``TimeLimit | str`` is edited
    as a time limit, ``str | Commitment`` as one sentence); Decap has no widget for a union."""
    branches = _branches(node)
    return branches[0] if branches else {"type": "string"}


class _Builder:
    def __init__(self, schema: dict[str, Any], relations: Relations) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.relations = relations
        self.titles = field_titles(schema)

    def fields(self, model: dict[str, Any], owner: str, optional: bool) -> list[dict[str, Any]]:
        required = set(model.get("required", []))
        return [
            self.field(name, prop, f"{owner}.{name}", name in required and not optional)
            for name, prop in model.get("properties", {}).items()
        ]

    def field(self, name: str, prop: dict[str, Any], where: str, required: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"name": name, "label": prop.get("title", name)}
        required = required and not _nullable(prop)
        loose = not required or _text_alternative(prop)
        out.update(self.widget(name, _main_branch(prop), where, optional=loose))
        hint = form_hint(prop.get("description", ""), out["widget"], self.titles)
        if hint:
            out = {"name": name, "label": out["label"], "hint": hint} | out
        out["required"] = required
        return out

    def widget(
        self, name: str, node: dict[str, Any], where: str, *, optional: bool
    ) -> dict[str, Any]:
        if where in self.relations.policies:
            return _relation("policies", "{{slug}}", ["title", "short_title"], multiple=True)
        if where in self.relations.townships:
            return {
                **_relation("county", "townships.*.name", ["townships.*.name"], multiple=False),
                "file": "county",
            }
        if "$ref" in node:
            model = self.defs[ref_name(node)]
            return {
                "widget": "object",
                "collapsed": optional,
                "fields": self.fields(model, ref_name(node), optional),
            }
        if node.get("type") == "array":
            return self.list_widget(name, node.get("items", {}))
        if "enum" in node:
            return {"widget": "select", "options": [str(v) for v in node["enum"]]}
        return _scalar(name, node)

    def list_widget(self, name: str, items: dict[str, Any]) -> dict[str, Any]:
        item = _main_branch(items)
        if "enum" in item:
            return {"widget": "select", "multiple": True, "options": [str(v) for v in item["enum"]]}
        base: dict[str, Any] = {"widget": "list", "collapsed": True}
        if "$ref" in item:
            model = self.defs[ref_name(item)]
            fields = self.fields(model, ref_name(item), optional=_text_alternative(items))
            texts = [f["name"] for f in fields if f["widget"] in {"string", "text", "select"}]
            # A field every item has names it in the collapsed list (a staff member's 岗位, not
            # the optional name, else Decap shows "No post" for an unnamed one).
            named = [name for name in texts if _required(fields, name)] or texts
            shown = (
                ["name"]
                if "name" in named
                else ["name", *named[:1]]
                if "name" in texts
                else named[:1]
            )
            if shown:
                base["summary"] = " ".join("{{fields." + name + "}}" for name in shown)
            return {**base, "fields": fields}
        single = {"name": "item", "label": "一项", **_scalar(name, item), "required": True}
        return {**base, "summary": "{{fields.item}}", "field": single}  # each shows its text


def _required(fields: list[dict[str, Any]], name: str) -> bool:
    return any(f["name"] == name and f["required"] for f in fields)


def _relation(collection: str, value: str, search: list[str], *, multiple: bool) -> dict[str, Any]:
    return {
        "widget": "relation",
        "collection": collection,
        "value_field": value,
        "search_fields": search,
        "display_fields": search[:1],
        "multiple": multiple,
    }


def _scalar(name: str, node: dict[str, Any]) -> dict[str, Any]:
    kind = node.get("type", "string")
    widget = SCALAR_WIDGETS.get(kind, "string")
    if widget == "string" and name in LONG_TEXT:
        widget = "text"
    out: dict[str, Any] = {"widget": widget}
    if widget == "number":
        out["value_type"] = "int" if kind == "integer" else "float"
        for bound, key in (("minimum", "min"), ("maximum", "max")):
            if bound in node:
                out[key] = node[bound]
    if "pattern" in node:
        out["pattern"] = [
            node["pattern"],
            PATTERN_HINTS.get(node.get(SHARED_KEY, ""), PATTERN_HINT),
        ]
    return out


def unit_shape(schema: dict[str, Any]) -> dict[str, Any]:
    """Each model's keys in order with the models each key's value may hold (for unions, lists and
    optional values), so the editor writes keys in the model's order as ``jinglao fmt`` does."""

    def children(node: dict[str, Any]) -> list[str]:
        found: list[str] = []
        for branch in _branches(node):
            if "$ref" in branch:
                found.append(ref_name(branch))
            elif branch.get("type") == "array":
                found += children(branch.get("items", {}))
        return found

    schema = inline_scalar_defs(schema)
    models = {"Unit": schema, **schema.get("$defs", {})}
    return {
        "root": "Unit",
        "models": {
            name: [[key, children(prop)] for key, prop in model.get("properties", {}).items()]
            for name, model in models.items()
        },
    }


def shape_module(schema: dict[str, Any]) -> str:
    body = json.dumps(unit_shape(schema), ensure_ascii=False, separators=(",", ":"))
    return (
        "// Generated by `jinglao cms-config` from the unit model: do not edit.\n"
        "// Each model's keys in the order `jinglao fmt` writes them, with the models a value may hold.\n"
        f"export default {body};\n"
    )


def cms_config(schema: dict[str, Any], *, repo: str, branch: str, site_url: str) -> dict[str, Any]:
    schema = inline_scalar_defs(schema)
    builder = _Builder(schema, Relations())
    unit_fields = builder.fields(schema, "Unit", optional=False)
    return {
        "backend": {
            "name": "github",
            "repo": repo,
            "branch": branch,
            "squash_merges": True,
            "commit_messages": {
                "create": "网页编辑：新建 {{slug}}",
                "update": "网页编辑：更新 {{path}}",
                "delete": "网页编辑：删除 {{path}}",
                "uploadMedia": "网页编辑：上传 {{path}}",
                "deleteMedia": "网页编辑：删除 {{path}}",
            },
        },
        "publish_mode": "editorial_workflow",
        "local_backend": True,
        "locale": "zh_Hans",
        "site_url": site_url or "/",
        "display_url": site_url or "/",
        "media_folder": "content/assets/uploads",
        "public_folder": "/assets/uploads",
        "collections": [
            {
                "name": "units",
                "label": "单位资料",
                "label_singular": "单位",
                "description": "每个单位一个文件：units/<单位编号>/unit.yml。保存后会开一个合并请求，县创建办审核后发布。",
                "folder": "units",
                "path": "{{slug}}/unit",
                "extension": "yml",
                "format": "jinglao-unit",
                "create": False,
                "delete": False,
                "identifier_field": "name",
                "summary": "{{name}}",
                # units/county.yml lies in the same folder; admin.js marks only unit files.
                "filter": {"field": UNIT_FILE_MARK, "value": True},
                "editor": {"preview": False},
                "fields": unit_fields,
            },
            {
                "name": "policies",
                "label": "政策法规库",
                "folder": "content/policies",
                "extension": "md",
                "format": "frontmatter",
                "create": False,
                "delete": False,
                "hide": True,
                "identifier_field": "title",
                "fields": [
                    {"name": "title", "label": "标题", "widget": "string"},
                    {"name": "short_title", "label": "简称", "widget": "string", "required": False},
                ],
            },
            {
                "name": "county",
                "label": "全县信息",
                "hide": True,
                "delete": False,
                "files": [
                    {
                        "name": "county",
                        "label": "全县信息",
                        "file": "units/county.yml",
                        "fields": [
                            {
                                "name": "townships",
                                "label": "乡镇",
                                "widget": "list",
                                "fields": [{"name": "name", "label": "名称", "widget": "string"}],
                            },
                        ],
                    }
                ],
            },
        ],
    }
