"""The home page's task entries (``content/tasks.yml``, kept by the county office): everyday errands
such as 看病就医 or 乘车出行, each matched to units and their procedures by sector, benefit category
and keywords written in the file, never by unit ids in code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import Field

from ..problems import Finding, Problem, Severity, located
from ..schema.base import Base
from ..schema.errors import parse_model
from ..schema.fields import Slug, Text
from ..schema.vocab import BenefitCategory, Sector
from ..source.files import is_inside, outside_link
from ..source.yamldoc import load_bytes

TASKS_FILE = "content/tasks.yml"


class Task(Base):
    name: Text = Field(title="事情名称", examples=["看病就医"])
    slug: Slug = Field(title="网址名", examples=["kanbing"])
    summary: Text = Field(title="一句话说明", examples=["挂号、看门诊、体检、家庭医生上门"])
    sectors: list[Sector] = Field(
        default_factory=list, title="相关行业", description="这些行业的单位全部列出"
    )
    benefit_categories: list[BenefitCategory] = Field(
        default_factory=list, title="相关优待类别", description="其他单位的这类老年人优待也列出"
    )
    keywords: list[Text] = Field(
        default_factory=list,
        title="关键词",
        description="单位名称里有这些词的全部列出；办事事项、服务、优待的名称里有的只列这一项",
        examples=[["挂号", "门诊", "体检"]],
    )


class TaskList(Base):
    """``content/tasks.yml``: the 「我要办事」 entries of the home page, in the order shown."""

    tasks: list[Task] = Field(title="首页办事入口", min_length=1)


def _repeated(tasks: list[Task], key: str, label: str) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for i, task in enumerate(tasks):
        value = getattr(task, key)
        if value in seen:
            yield Finding(
                ("tasks", i, key),
                f"{label}「{value}」和第 {seen[value] + 1} 项重复",
                f"每项事情的{label}都要不同，请改掉其中一个。",
            )
        seen.setdefault(value, i)


def task_findings(task_list: TaskList) -> list[Finding]:
    """Rules beyond the shape: names and slugs unique, every task able to find something."""
    tasks = task_list.tasks
    findings = [*_repeated(tasks, "name", "名称"), *_repeated(tasks, "slug", "网址名")]
    for i, task in enumerate(tasks):
        if not (task.sectors or task.benefit_categories or task.keywords):
            findings.append(
                Finding(
                    ("tasks", i, "name"),
                    f"「{task.name}」没有写 sectors、benefit_categories 或 keywords，找不到任何单位",
                    "至少写一项，例如 sectors: [卫生系统] 或 keywords: [挂号, 门诊]。",
                )
            )
        for j, word in enumerate(task.keywords):
            if len(word) < 2:
                findings.append(
                    Finding(
                        ("tasks", i, "keywords", j),
                        f"关键词「{word}」只有一个字，会找出很多无关的单位",
                        "关键词至少写两个字，例如「乘车」而不是「车」。",
                        Severity.WARNING,
                    )
                )
    return findings


def load_tasks(root: Path) -> tuple[list[Task], list[Problem]]:
    """The task entries, or none when the county keeps no ``content/tasks.yml``."""
    path = root / TASKS_FILE
    if not path.exists() and not path.is_symlink():
        return [], []
    if not is_inside(root, path):
        return [], [outside_link(root, path)]  # never read
    doc, problems = load_bytes(TASKS_FILE, path.read_bytes())
    if doc is None:
        return [], problems
    task_list, more = parse_model(TaskList, doc)
    if task_list is None:
        return [], problems + more
    return list(task_list.tasks), problems + [located(doc, f) for f in task_findings(task_list)]
