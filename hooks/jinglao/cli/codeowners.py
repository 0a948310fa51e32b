"""``.github/CODEOWNERS`` from the data: each unit folder to its maintainers, the rest to the office."""

from __future__ import annotations

from ..project import Project

CODEOWNERS_PATH = ".github/CODEOWNERS"


def codeowners_text(project: Project) -> str:
    office = project.county.office_team if project.county and project.county.office_team else ""
    lines = [
        "# 由 jinglao codeowners 根据 units/*/unit.yml 的 maintainers 和 units/county.yml 的 office_team 生成，请勿手改。",
        "# 后写的规则优先：单位文件夹归单位自己的维护人（县创建办也可审核），其余归县创建办。",
        f"* {office}".rstrip(),
    ]
    for record in sorted(project.units, key=lambda r: r.id):
        if record.unit.maintainers:
            owners = " ".join([*record.unit.maintainers, office]).strip()
            lines.append(f"/units/{record.id}/ {owners}")
    if office:
        lines += [f"/units/county.yml {office}", f"/.github/ {office}"]
    return "\n".join(lines) + "\n"
