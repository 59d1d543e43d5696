"""The application's identity for every package: name, app id, version (from pyproject.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "nl.leeswijzer.Leeswijzer"
APP_NAME = "Leeswijzer"
PACKAGE_NAME = "leeswijzer"
SUMMARY = "Reading assistant for learners of Dutch"
HOMEPAGE = "https://github.com/leeswijzer/leeswijzer"
MAINTAINER = "Leeswijzer team <leeswijzer@users.noreply.github.com>"
DEVELOPER = "Leeswijzer team"
# The pipelines a release may bundle; any other (the offline stand-in) makes a test build whose
# file names carry STANDIN_SUFFIX and which the release options refuse.
OFFICIAL_PIPELINES = ("nl_core_news_sm", "nl_core_news_md", "nl_core_news_lg")
STANDIN_SUFFIX = "-standin"


def is_official(pipeline: str | None) -> bool:
    return pipeline in OFFICIAL_PIPELINES


def build_name(pipeline: str | None) -> str:
    """'leeswijzer' for a release build, 'leeswijzer-standin' for a test build."""
    return PACKAGE_NAME if is_official(pipeline) else PACKAGE_NAME + STANDIN_SUFFIX


def bundled_pipeline(bundle: Path) -> str | None:
    """The Dutch pipeline inside a built bundle (from its package metadata)."""
    for folder in (bundle / "_internal", bundle / "Contents" / "Frameworks", bundle):
        names = sorted(p.name.split("-")[0] for p in folder.glob("nl_*.dist-info"))
        if names:
            return names[0]
    return None


def read_project_table(path: Path) -> dict[str, object]:
    """pyproject.toml's [project] table (tomllib; a plain reader of `key = "value"` on 3.10)."""
    try:
        import tomllib
    except ImportError:  # Python 3.10: only the simple string keys are needed here
        text = path.read_text(encoding="utf-8")
        table = text.split("[project]", 1)[1].split("\n[", 1)[0]
        return dict(re.findall(r'^(\w+)\s*=\s*"([^"]*)"', table, re.MULTILINE))
    with path.open("rb") as handle:
        project: dict[str, object] = tomllib.load(handle)["project"]
    return project


@dataclass(frozen=True, slots=True)
class AppInfo:
    """Identity shared by the bundle, the .deb, the Inno Setup script and the macOS app."""

    name: str
    app_id: str
    package: str
    version: str
    summary: str
    licence: str
    homepage: str
    maintainer: str


def load(root: Path = ROOT) -> AppInfo:
    """Read the version and licence from pyproject.toml; the rest is fixed here."""
    project = read_project_table(root / "pyproject.toml")
    return AppInfo(
        name=APP_NAME,
        app_id=APP_ID,
        package=PACKAGE_NAME,
        version=str(project["version"]),
        summary=SUMMARY,
        licence=str(project.get("license", "GPL-3.0-or-later")),
        homepage=HOMEPAGE,
        maintainer=MAINTAINER,
    )
