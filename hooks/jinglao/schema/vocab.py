"""The program's fixed vocabularies (from the county plan and national rules), with URL slugs."""

from __future__ import annotations

from typing import Literal, get_args

# The nine scope categories of the county plan (section 三), with stable ASCII slugs for URLs.
SECTOR_SLUGS: dict[str, str] = {
    "涉老部门": "shelao-bumen",
    "金融业": "jinrong",
    "卫生系统": "weisheng",
    "交通运输": "jiaotong",
    "通信业": "tongxin",
    "水电": "shuidian",
    "基层为老服务组织": "jiceng-weilao",
    "企事业单位": "qishiye",
    "老年社会组织": "laonian-zuzhi",
}
Sector = Literal[
    "涉老部门",
    "金融业",
    "卫生系统",
    "交通运输",
    "通信业",
    "水电",
    "基层为老服务组织",
    "企事业单位",
    "老年社会组织",
]
assert list(get_args(Sector)) == list(SECTOR_SLUGS)

Level = Literal["县级", "乡镇", "市级", "省级", "中央驻县"]
"""县级 and 乡镇 units belong to the county; 市级, 省级 and 中央驻县 are windows of bodies above it
(a city social-insurance window in the county hall, a railway station) and need no township."""
ABOVE_COUNTY: frozenset[str] = frozenset({"市级", "省级", "中央驻县"})
HonourLevel = Literal["县级", "市级", "省级", "全国"]
# The ladder a title climbs, lowest first: a unit is recommended upward one level at a time.
HONOUR_LEVELS: list[str] = list(get_args(HonourLevel))


def level_below(level: str) -> str | None:
    """The title a unit must hold before it may be put up for ``level`` (None for 县级)."""
    index = HONOUR_LEVELS.index(level)
    return HONOUR_LEVELS[index - 1] if index else None


# The six items 公开承诺 requires (plan, section 四(二)).
DISCLOSURE_ITEMS = ["政策法规", "服务内容", "办事流程", "办结时限", "办理结果", "服务标准"]
Channel = Literal["网站", "报刊", "办事手册", "展示板", "电子显示屏", "网络平台", "微信公众号"]
IdentityMethod = Literal["佩戴标徽", "服务卡", "工作牌", "桌牌"]

TimeUnit = Literal["工作日", "日", "小时", "分钟", "即办"]
LimitKind = Literal["最长", "平均", "目标"]
Delivery = Literal["当场办结", "窗口领取", "邮寄送达", "短信通知", "电子送达", "上门送达", "其他"]
Original = Literal["原件", "复印件", "原件及复印件", "电子版"]

PhoneRole = Literal["咨询", "投诉监督", "预约", "急救", "服务热线", "其他"]
ChannelKind = Literal["意见箱", "电子邮箱", "网上留言", "来信地址", "接待日", "其他"]

# 老年人优待: six categories (全国老龄委发〔2013〕97号) and the forms a benefit takes.
BenefitCategory = Literal["政务服务", "卫生保健", "交通出行", "商业服务", "文体休闲", "维权服务"]
BenefitForm = Literal["优先", "优惠", "免费", "半价", "便利"]

ActivityType = Literal["敬老宣传", "重阳慰问", "志愿服务", "扶老助老", "其他"]
DrillType = Literal["岗位练兵", "技能竞赛", "业务培训"]
StarRatingType = Literal["夺旗争星", "岗位明星", "服务标兵", "其他"]
EvaluationMethod = Literal["座谈会", "调查问卷", "意见箱", "自评互评", "好差评", "回访"]
Qualifier = Literal["约", "超", "余", "近", "逾", "不少于"]
CommitmentKind = Literal["承诺", "禁止", "岗位职责", "服务指标", "覆盖数据"]
Bound = Literal["不低于", "不高于", "不超过", "达到", "以内"]
Scope = Literal["本单位", "上级系统", "全县", "全市", "全省", "全国"]
FacilityKind = Literal[
    "爱心窗口", "老花镜", "轮椅", "放大镜", "饮水", "无障碍通道", "休息座椅", "助听设备",
    "急救药箱", "母婴室", "其他",
]  # fmt: skip
InspectionKind = Literal["暗访", "督查", "媒体报道", "群众举报核查", "其他"]
BenefitDelivery = Literal["直接减免", "先交后退", "上门", "预约", "其他"]

# 好差评 five levels (国办发〔2019〕51号), in the order they are shown.
REVIEW_LEVELS: dict[str, str] = {
    "very_satisfied": "非常满意",
    "satisfied": "满意",
    "fairly_satisfied": "基本满意",
    "dissatisfied": "不满意",
    "very_dissatisfied": "非常不满意",
}

# The six aspects and three internal systems of 制定标准 (plan, section 四(一)).
ASPECTS: dict[str, str] = {
    "leadership": "领导班子",
    "workforce": "工作队伍",
    "benefit_system": "惠老制度",
    "elderly_service": "为老服务",
    "mechanism": "工作机制",
    "public_evaluation": "群众评价",
}
SYSTEMS: dict[str, str] = {
    "study": "学习制度",
    "management": "管理制度",
    "post_responsibility": "岗位责任制度",
}
# What 创建档案 must hold before a unit may take part in the county evaluation (plan, section 五).
ARCHIVE_ITEMS: dict[str, str] = {
    "plan": "创建方案",
    "schedule": "进度安排",
    "leading_group": "领导小组",
    "contents": "创建内容",
    "results": "创建成效",
}
