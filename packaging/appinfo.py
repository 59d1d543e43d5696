"""The application's identity for every package: name, app id, version (from pyproject.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "nl.leeswijzer.Leeswijzer"
APP_NAME = "Leeswijzer"
PACKAGE_NAME = "leeswijzer"
SUMMARY = "Reading assistant for learners of Dutch"
HOMEPAGE = "https://github.com/leeswijzer/leeswijzer"
MAINTAINER = "Leeswijzer team <leeswijzer@users.noreply.github.com>"


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
    with (root / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
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
