"""``jinglao schema`` / ``codeowners``: files generated from the data, committed, checked current."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import yaml

from ..schema.cms_config import cms_config, shape_module
from ..schema.json_schema import model_schema, schema_text
from ..unit.model import Unit
from .codeowners import CODEOWNERS_PATH, codeowners_text
from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, load_for

SCHEMA_PATH = "content/schema/unit.schema.json"


def unit_schema_text(site_url: str = "") -> str:
    schema = model_schema(
        Unit,
        title="敬老文明号单位资料（unit.yml）",
        description="一个参与敬老文明号创建的单位公开的全部资料。字段含义见网站「参与指南 → 字段一览」。",
        schema_url=f"{site_url}schema/unit.schema.json" if site_url else "",
    )
    return schema_text(schema)


def write_generated(root: Path, rel: str, text: str, check: bool, command: str) -> int:
    path = root / rel
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if check:
        if current != text:
            print(f"{rel} 不是最新的：请运行 jinglao {command} 重新生成。")
            return EXIT_PROBLEMS
        print(f"{rel} 是最新的。")
        return EXIT_OK
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"已写入 {rel}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    project = load_for(args)
    return write_generated(
        project.root, SCHEMA_PATH, unit_schema_text(project.site_url), args.check, "schema"
    )


def cmd_codeowners(args: argparse.Namespace) -> int:
    project = load_for(args)
    return write_generated(
        project.root, CODEOWNERS_PATH, codeowners_text(project), args.check, "codeowners"
    )


CMS_CONFIG_PATH = "content/admin/config.yml"
CMS_SHAPE_PATH = "content/admin/unit-shape.js"
CMS_REPO_PLACEHOLDER = "county-office/jinglao"


def cms_config_text(repo: str, site_url: str, oauth_url: str = "") -> str:
    schema = model_schema(Unit, title="", description="")
    config = cms_config(schema, repo=repo, branch="main", site_url=site_url)
    if oauth_url:
        config["backend"]["base_url"] = oauth_url
    header = (
        "# 网页编辑器（/admin/）的配置：由 `jinglao cms-config` 按数据模型生成，请勿手改。\n"
        "# 县里的 GitHub 仓库见「参与指南 → 网页编辑」：运行 jinglao cms-config --repo 账号/仓库名 重新生成。\n"
    )
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1 << 20)


_REPO = re.compile(r"[\w.-]+/[\w.-]+")
_OAUTH_URL = re.compile(r"https://[^\s]+")


def cmd_cms_config(args: argparse.Namespace) -> int:
    if args.repo and not _REPO.fullmatch(args.repo):
        print(f"--repo 的值「{args.repo}」不对：要写成 账号/仓库名，例如 anlan-laoling/jinglao。")
        return EXIT_USAGE
    if args.oauth_url and not _OAUTH_URL.fullmatch(args.oauth_url):
        print(f"--oauth-url 的值「{args.oauth_url}」不对：要写 https:// 开头的网址。")
        return EXIT_USAGE
    project = load_for(args)
    current = _configured_backend(project.root)
    repo = args.repo or current.get("repo") or CMS_REPO_PLACEHOLDER
    oauth_url = args.oauth_url or current.get("base_url") or ""
    config = cms_config_text(repo, project.site_url, oauth_url)
    shape = shape_module(model_schema(Unit, title="", description=""))
    codes = [
        write_generated(project.root, CMS_CONFIG_PATH, config, args.check, "cms-config"),
        write_generated(project.root, CMS_SHAPE_PATH, shape, args.check, "cms-config"),
    ]
    return max(codes)


def _configured_backend(root: Path) -> dict[str, str]:
    """The repository and OAuth service named in the committed config (a rerun keeps them)."""
    path = root / CMS_CONFIG_PATH
    found: dict[str, str] = {}
    try:
        backend = yaml.safe_load(path.read_text(encoding="utf-8"))["backend"]
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return found
    if not isinstance(backend, dict):
        return found
    repo, base_url = backend.get("repo"), backend.get("base_url")
    if isinstance(repo, str) and _REPO.fullmatch(repo):
        found["repo"] = repo
    if isinstance(base_url, str) and _OAUTH_URL.fullmatch(base_url):
        found["base_url"] = base_url
    return found
