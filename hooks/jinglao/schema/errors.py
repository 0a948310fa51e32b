"""Turn pydantic's validation errors into located Chinese problems with a hint each."""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..problems import KeyPath, Problem, Severity, did_you_mean
from ..source.yamldoc import SourceDoc
from .annotations import field_info, field_model, shape_of
from .unpublished import PUBLISHED_TAG, UNION_TAGS, UNPUBLISHED_HINT
from .vocab import DISCLOSURE_ITEMS

# The fields that carry the six items 公开承诺 requires, by (model name, field).
_REQUIRED_DISCLOSURES = {
    ("Disclosure", "policies"),
    ("Disclosure", "services"),
    ("Disclosure", "procedures"),
    ("Disclosure", "standards"),
    ("Procedure", "time_limit"),
    ("Procedure", "result"),
}
M = TypeVar("M", bound=BaseModel)

# The formats our own field types check, each shown with the field's own example (an id of the
# right kind, the field's kind of date) or, when the field has none, this one.
_FORMATS: dict[str, tuple[str, str | None]] = {
    "iso_date": ("请写成「年-月-日」，月和日都用两位数字", "2025-10-29"),
    "slug": ("编号只用小写拼音或英文、数字，用连字符「-」连接", None),
    "cycle_id": ("届次是连续三年，写成「开始年-结束年」", "2024-2026"),
    "cycle_years": ("届次是连续三年，写成「开始年-结束年」", "2024-2026"),
    "url": ("以 https:// 或 http:// 开头", "https://www.example.gov.cn/"),
    "clock_period": ("写成「开始-结束」的 24 小时制时间", "08:00-12:00"),
}
# Hints for the other error types our own field types raise (see fields.py and the models).
_CUSTOM_HINTS = {
    "phone": "固定电话写成「区号-号码」，例如 0599-7654321；也可写 12345、95588 这类服务号码。"
    "请勿填写个人手机号。",
    "clock_order": "例如 14:30-17:30；跨到第二天的夜班请分成两段写。",
    "age_both": "min/max 包含该年龄（如 min: 60 表示 60 周岁及以上），"
    "above/below 不包含（如 below: 70 表示未满 70 周岁）。",
    "age_empty": "例如 age: {min: 60, below: 70} 表示 60 至 69 周岁。",
    "age_order": "例如 age: {min: 60, below: 70}：下限要小于上限。",
    "github_handle": "以 @ 开头，例如 @anlan-yiyuan-office 或团队 @anlan-laoling/office。",
    "span_immediate": "当场办结写成 {unit: 即办}。",
    "span_value": "例如 {value: 5, unit: 工作日}；当场办结写成 {unit: 即办}。",
    "photo": "写照片在本单位文件夹里的文件名，例如 photos/chuangkou-1.jpg（jpg、png 或 webp），不要写网址或 ..。",
    "honour_round": "写 cycle: 2021-2023（三年届次），或照原文写 round: 第二届，也可以两个都写。",
    "honour_revoked": "摘牌的称号写 status: 已撤销；仍然有效的称号请删掉 revoked。",
    "honour_creating": "正在创建的称号不写 awarded；命名后把 status 改为 已命名，再写授予日期。",
    "not_declarable": "「未公布」只能写在可以暂不公布的地方：电话、地址、办公时间、为老服务窗口、"
    "四项公开内容、办结时限、办理结果、评议日期。承诺、步骤等内容请照原文写；没有的就删掉这一项。",
    "span_range": "范围写成 {value: 12, up_to: 72, unit: 小时}：上限 up_to 要大于 value。",
    "published_date": "照原文写：2025-03-01、2025-03、2025，或 2025年3月、2024年以来、2025年3月1日起。",
    "control_char": "常见于从别的软件复制来的文字，或引号里的 \\0 这类转义：请删掉它，或把这段文字重新输入一遍。",
}


def _title(model: type[BaseModel] | None, key: str) -> str:
    info = field_info(model, key)
    return f"「{info.title}」（{key}）" if info and info.title else f"「{key}」"


def model_at(root: type[BaseModel], loc: KeyPath) -> type[BaseModel] | None:
    """The model class whose fields live at ``loc`` (list indexes are passed through)."""
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int):
            continue
        if model is None or part not in model.model_fields:
            return None
        model = field_model(model, part)
    return model


def _list_item(root: type[BaseModel], loc: KeyPath) -> str:
    """「公开承诺」（commitments）第 2 项, for an error on an item of a list of values."""
    if len(loc) >= 2 and isinstance(loc[-1], int) and isinstance(loc[-2], str):
        return f"{_title(model_at(root, loc[:-2]), loc[-2])}第 {loc[-1] + 1} 项"
    return "这一项"


def _owner(root: type[BaseModel], loc: KeyPath) -> tuple[type[BaseModel] | None, str]:
    """The model and field a value at ``loc`` belongs to; an item of a list belongs to the
    list's field (its hints come from that field)."""
    if loc and isinstance(loc[-1], str):
        return model_at(root, loc[:-1]), loc[-1]
    if len(loc) >= 2 and isinstance(loc[-1], int) and isinstance(loc[-2], str):
        return model_at(root, loc[:-2]), loc[-2]
    return None, ""


def _example_value(model: type[BaseModel] | None, key: str, *, item: bool) -> Any:
    """The field's first example (for an item of a list field, the example's first item)."""
    info = field_info(model, key)
    if info is None or not info.examples:
        return None
    first = info.examples[0]
    return first[0] if item and isinstance(first, list) and first else first


def _number_hint(model: type[BaseModel] | None, key: str, value: Any, *, item: bool) -> str:
    """How to write this field's number: its own example, no % sign, the unit in ``unit``."""
    info = field_info(model, key)
    whole = info is not None and shape_of(info.annotation).core is int
    example = _example_value(model, key, item=item)
    if not isinstance(example, int | float) or isinstance(example, bool):
        example = 3
    hint = f"请只写阿拉伯数字{'（整数）' if whole else ''}，例如 {example}"
    if "%" in f"{info.title if info else ''}{value}":
        hint += "，不要写 %"
    if model is not None and "unit" in model.model_fields and key != "unit":
        hint += "；单位另写在 unit 字段里"
    return hint + "。"


def _format_hint(kind: str, model: type[BaseModel] | None, key: str, *, item: bool) -> str:
    """A format's rule with this field's example (never an id of another kind)."""
    rule, default = _FORMATS[kind]
    own = _example_value(model, key, item=item)
    example = own if isinstance(own, str) else default
    return f"{rule}，例如 {example}。" if example else f"{rule}。"


def _example(model: type[BaseModel] | None, key: str) -> str:
    info = field_info(model, key)
    if info is None or not info.examples:
        return ""
    first = info.examples[0]
    value = first if isinstance(first, str) else json.dumps(first, ensure_ascii=False)
    return f"例如：{key}: {value}"


def _blank_hint(parent: type[BaseModel] | None, key: str, declarable: str) -> str:
    """How to fill an empty field: its example or its choices, and, where the field may be
    declared unpublished, that 未公布 is the honest answer (a new unit's file leaves these empty)."""
    info = field_info(parent, key)
    required = info is not None and info.is_required()
    choices = shape_of(info.annotation).choices if info else []
    fallback = "这一项必须填写。" if required else "请填写；不需要这一项时，把整行删掉。"
    if choices:
        fallback = "可选的值：" + "、".join(map(str, choices)) + "。"
    hint = _example(parent, key) or fallback
    return f"{hint.rstrip('。')}；{declarable}" if declarable else hint


def _missing_message(parent: type[BaseModel] | None, key: str, field: str) -> str:
    if parent is not None and (parent.__name__, key) in _REQUIRED_DISCLOSURES:
        return f"缺少必须公开的事项{field}"
    return f"缺少必填项{field}"


def _missing_hint(parent: type[BaseModel] | None, key: str) -> str:
    if parent is not None and (parent.__name__, key) in _REQUIRED_DISCLOSURES:
        return (
            "《实施方案》要求全面公开："
            + "、".join(DISCLOSURE_ITEMS)
            + "，缺一不可。"
            + UNPUBLISHED_HINT
        )
    inner = field_model(parent, key)
    if inner is not None:
        needed = [k for k, f in inner.model_fields.items() if f.is_required()]
        return "这一项下面需要写：" + "、".join(needed) + "。" if needed else "请补充这一项。"
    return _example(parent, key) or "请补充这一项。"


def _literal_choices(error: ErrorDetails) -> list[str]:
    return re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_key(part: object) -> bool:
    return isinstance(part, str) and part not in UNION_TAGS


def _quoted_number(value: Any) -> bool:
    """Whether ``value`` is text that reads as a number once its quotes are gone."""
    if not isinstance(value, str):
        return False
    try:
        float(value.strip())
    except ValueError:
        return False
    return value.strip().lstrip("+-").replace(".", "", 1).isdigit()


def translate(root: type[BaseModel], error: ErrorDetails) -> tuple[KeyPath, bool, str, str]:
    """One pydantic error as (path, point at the key?, message, hint)."""
    loc: KeyPath = tuple(p for p in error["loc"] if isinstance(p, int) or _is_key(p))
    kind, value = error["type"], error.get("input")
    parent = model_at(root, loc[:-1])
    key = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    field = _title(parent, key) if key else _list_item(root, loc)
    if kind == "missing":
        return loc[:-1], True, _missing_message(parent, key, field), _missing_hint(parent, key)
    if kind == "extra_forbidden":
        allowed = list(parent.model_fields) if parent else []
        hint = did_you_mean(key, allowed) + "这里可以写的字段：" + "、".join(allowed)
        return loc, True, f"不认识的字段「{key}」", hint
    declarable = UNPUBLISHED_HINT if error["loc"][-1:] == (PUBLISHED_TAG,) else ""
    if _is_blank(value) or kind == "string_too_short" or (kind == "too_short" and value == []):
        return loc, True, f"{field}没有填写内容", _blank_hint(parent, key, declarable)
    owner, name = _owner(root, loc)
    item = bool(loc) and isinstance(loc[-1], int)
    if kind in {"int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"}:
        what = "整数" if kind == "int_from_float" else "数字"
        hint = _number_hint(owner, name, value, item=item)
        if _quoted_number(value):  # "15" in quotes is text: the digits are right, the quotes not
            return (
                loc,
                False,
                f"{field}应当是{what}，加了引号的「{value}」是一段文字",
                f"去掉引号，直接写 {value.strip()}。",
            )
        return loc, False, f"{field}应当是{what}，「{value}」不是{what}", hint
    if kind == "literal_error":
        choices = _literal_choices(error)
        hint = did_you_mean(str(value), choices) + "可选的值：" + "、".join(choices)
        return loc, False, f"{field}不能是「{value}」", hint
    if kind in {"bool_parsing", "bool_type"}:
        return loc, False, f"{field}只能填 true 或 false", "true 表示「是」，false 表示「否」。"
    if kind == "list_type":
        return loc, False, f"{field}应当是一个列表", "每一项单独一行，以「- 」开头。" + declarable
    if kind in {"model_type", "model_attributes_type", "dict_type"} and not loc:
        return (
            loc,
            False,
            "文件内容应当是若干「字段: 值」",
            "每行写一个字段，例如 name: 安澜县人民医院；不要以「- 」开头，也不要只写一段文字。",
        )
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return (
            loc,
            False,
            f"{field}应当包含若干「字段: 值」",
            (_example(parent, key) or "在下一行多缩进两个空格，逐项写「字段: 值」。") + declarable,
        )
    if kind in {"string_type"}:
        return loc, False, f"{field}应当是一段文字", "请直接写文字，不要写成列表或子字段。"
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        return loc, False, f"{field}的数值「{value}」超出范围", _range_hint(error)
    if kind in _FORMATS:
        return loc, False, error["msg"], _format_hint(kind, owner, name, item=item)
    if kind in _CUSTOM_HINTS:
        return loc, False, error["msg"], _CUSTOM_HINTS[kind]
    return loc, False, f"{field}不符合要求", error["msg"]


def _range_hint(error: ErrorDetails) -> str:
    ctx = error.get("ctx", {})
    words = {"ge": "不小于", "gt": "大于", "le": "不大于", "lt": "小于"}
    return "应当" + "、".join(f"{words[k]} {v}" for k, v in ctx.items() if k in words) + "。"


def validation_problems(
    root: type[BaseModel], doc: SourceDoc, exc: ValidationError
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        path, at_key, message, hint = translate(root, error)
        line, column = doc.positions.locate(path, at_key=at_key)
        problems.append(Problem(doc.path, line, column, Severity.ERROR, message, hint))
    return problems


def parse_model(root: type[M], doc: SourceDoc) -> tuple[M | None, list[Problem]]:
    """Validate a loaded document against a model, or return its located problems."""
    try:
        return root.model_validate(doc.data), []
    except ValidationError as exc:
        return None, validation_problems(root, doc, exc)
