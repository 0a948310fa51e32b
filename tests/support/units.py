"""Valid units generated from the model's shapes (hypothesis): every kind of commitment, some
numbered by the unit, figures from 0.5 to the billions with each qualifier and scope, time limits
with kinds, exclusions, notes, statutory notes and variants, materials and fees with who they are
for and their notes, opening-hour exceptions, benefits with age tiers, phones in every role, and
未公布 for any declarable fact."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import strategies as st

from jinglao.schema import vocab

WORDS = ["老年人", "优待证", "挂号", "缴费", "乘车卡", "陪诊", "上门", "助餐", "窗口", "材料"]
UNPUBLISHED = st.sampled_from(["未公布", "未公布：正在核定", "未公布：新号码启用后公布"])


@st.composite
def words(draw: st.DrawFn, prefix: str = "") -> str:
    """A short Chinese text with a unique-ish number, so each fact can be found on a page."""
    parts = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
    return f"{prefix}{''.join(parts)}{draw(st.integers(1, 9999))}号"


def _choice(options: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(list(options.__args__))


VALUES = st.one_of(
    st.integers(0, 2_000_000_000),
    st.sampled_from([0.5, 2.5, 96.0, 1256310.0, 99.99]),
)


@st.composite
def figure(draw: st.DrawFn) -> dict[str, Any]:
    data = {"value": draw(VALUES), "unit": draw(st.sampled_from(["人次", "万人次", "件", "%"]))}
    qualifier = draw(st.none() | _choice(vocab.Qualifier))
    if qualifier:
        data["qualifier"] = qualifier
    if draw(st.booleans()):
        data["period"] = draw(st.sampled_from(["2025年", "2024年以来"]))
    return data


@st.composite
def commitment(draw: st.DrawFn) -> Any:
    # Some units number their commitments themselves: 1. （二） 三、
    text = draw(st.sampled_from(["", "", "1. ", "（二）", "三、"])) + draw(words("承诺"))
    if draw(st.booleans()):
        return text
    data: dict[str, Any] = {"text": text, "kind": draw(_choice(vocab.CommitmentKind))}
    data["scope"] = draw(_choice(vocab.Scope))
    if draw(st.booleans()):
        data["target"] = draw(figure()) | {"measure": draw(words("指标"))}
    return data


SPANS = st.sampled_from(
    [{"unit": "即办"}, {"value": 3, "unit": "工作日"}, {"value": 30, "unit": "分钟"}]
)


@st.composite
def time_limit(draw: st.DrawFn) -> Any:
    if draw(st.integers(0, 4)) == 0:
        return draw(UNPUBLISHED)
    data: dict[str, Any] = {"promised": draw(SPANS)}
    if draw(st.booleans()):
        data["statutory"] = {"value": 20, "unit": "工作日"}
        if draw(st.booleans()):
            data["statutory_note"] = draw(words("法定依据"))
    kind = draw(st.none() | _choice(vocab.LimitKind))
    if kind:
        data["kind"] = kind
    data["excludes"] = draw(st.lists(words("不计"), max_size=2))
    if draw(st.booleans()):
        data["note"] = draw(words("说明"))
    conditions = draw(st.lists(words("情形"), max_size=2, unique=True))
    data["variants"] = [
        {"condition": c, "promised": {"value": 5, "unit": "工作日"}} for c in conditions
    ]
    return data


def maybe_words(draw: st.DrawFn, data: dict[str, Any], **labels: str) -> None:
    """Each key of ``labels`` set, or left out, with generated text named by its label."""
    for key, label in labels.items():
        if draw(st.booleans()):
            data[key] = draw(words(label))


@st.composite
def step_path(draw: st.DrawFn) -> dict[str, Any]:
    path: dict[str, Any] = {"name": draw(words("方式"))}
    maybe_words(draw, path, description="说明", when="情形")
    path["materials"] = draw(st.lists(words("材料"), max_size=1))
    return path


@st.composite
def step(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"name": draw(words("步骤")), "optional": draw(st.booleans())}
    data["alternatives"] = draw(st.lists(step_path(), max_size=2))
    data["fallbacks"] = draw(st.lists(step_path(), max_size=2))
    if draw(st.booleans()):
        data["proxy"] = draw(words("代办"))
    if draw(st.booleans()):
        data["time_limit"] = {"value": 12, "up_to": 72, "unit": "小时", "anchor": "发车前"}
    return data


@st.composite
def fee(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"item": draw(words("收费")), "price": draw(words("标准"))}
    maybe_words(draw, data, condition="条件")
    if draw(st.booleans()):
        data |= {"amount": 2000, "unit": "元/月", "parts": [
            {"item": draw(words("分项")), "amount": 1200, "unit": "元/月"},
            {"item": draw(words("分项")), "amount": 800, "unit": "元/月"},
        ]}  # fmt: skip
    if draw(st.booleans()):
        data["note"] = draw(words("收费说明"))
    if draw(st.booleans()):
        data["applies_to"] = {"categories": [draw(words("人群"))], "note": draw(words("凭证"))}
    return data


@st.composite
def material(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"name": draw(words("材料"))}
    maybe_words(draw, data, applies_to="适用", note="材料说明")
    return data


@st.composite
def procedure(draw: st.DrawFn, index: int) -> dict[str, Any]:
    return {
        "id": f"p{index}",
        "name": draw(words(f"事项{index}")),
        "materials": draw(st.lists(material(), max_size=2)),
        "steps": draw(st.lists(step(), min_size=1, max_size=3)),
        "fees": draw(st.lists(fee(), max_size=2)),
        "visits": draw(st.none() | st.integers(0, 3)),
        "time_limit": draw(time_limit()),
        "result": draw(UNPUBLISHED | st.just({"delivery": ["窗口领取"], "description": "领取"})),
    }


@st.composite
def benefit(draw: st.DrawFn, index: int) -> dict[str, Any]:
    cuts = sorted(draw(st.sets(st.integers(55, 95), min_size=1, max_size=3)))
    bands = [{"min": low, "below": high} for low, high in itertools.pairwise(cuts)]
    bands.append({"min": cuts[-1]})
    tiers = [{"who": {"age": band}, "content": draw(words(f"优待{index}档"))} for band in bands]
    return {
        "name": draw(words(f"优待项目{index}")),
        "category": "交通出行",
        "forms": ["优先"],
        "tiers": tiers,
        "limits": draw(st.lists(words("每月限"), max_size=1)),
        "delivery": draw(st.lists(_choice(vocab.BenefitDelivery), max_size=2, unique=True)),
    }


@st.composite
def phones(draw: st.DrawFn) -> Any:
    if draw(st.integers(0, 4)) == 0:
        return draw(UNPUBLISHED)
    roles = draw(st.lists(_choice(vocab.PhoneRole), min_size=1, max_size=4))
    return [{"role": r, "number": f"0599-68{i:05d}"} for i, r in enumerate(roles)]


@st.composite
def unit_data(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """A demo unit with generated disclosures in place of its own."""
    data = dict(base)
    declarable = {"opening_hours", "elderly_window"}
    for key in declarable:
        if draw(st.integers(0, 4)) == 0:
            data[key] = draw(UNPUBLISHED)
    if not isinstance(data["opening_hours"], str):
        exceptions = draw(st.lists(words("例外安排"), max_size=2))
        data["opening_hours"] = dict(data["opening_hours"], exceptions=exceptions)
    data["phones"] = draw(phones())
    data["supervision"] = draw(
        st.lists(st.just({"kind": "意见箱", "detail": "大厅东侧"}), max_size=1)
    )
    data["commitments"] = draw(st.lists(commitment(), min_size=1, max_size=4))
    count = draw(st.integers(1, 4))
    disclosure = dict(base["disclosure"])
    disclosure["procedures"] = [draw(procedure(i)) for i in range(count)]
    if draw(st.integers(0, 5)) == 0:
        disclosure["procedures"] = draw(UNPUBLISHED)
    if draw(st.integers(0, 5)) == 0:
        disclosure["standards"] = draw(UNPUBLISHED)
    for proc in disclosure["procedures"] if isinstance(disclosure["procedures"], list) else []:
        proc.pop("legal_basis", None)
    data["disclosure"] = disclosure
    data["benefits"] = [draw(benefit(i)) for i in range(draw(st.integers(0, 3)))]
    data["timetables"] = [
        {"name": draw(words("班车")), "span": "6:00-19:30", "interval": draw(words("每隔"))}
        for _ in range(draw(st.integers(0, 2)))
    ]
    data["facilities"] = [
        {"kind": draw(_choice(vocab.FacilityKind)), "name": draw(words("设施")), "count": 2}
        for _ in range(draw(st.integers(0, 2)))
    ]
    if draw(st.booleans()):
        data["operator"] = {"name": draw(words("运营公司"))}
    data["inspections"] = [
        {
            "date": "2025年6月",
            "kind": draw(_choice(vocab.InspectionKind)),
            "finding": draw(words("问题")),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    data["highlights"] = [
        draw(figure()) | {"label": draw(words("服务")), "scope": draw(_choice(vocab.Scope))}
        for _ in range(draw(st.integers(0, 3)))
    ]
    return data
