"""The .desktop entry and the AppStream metainfo are valid and agree with pyproject.toml."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import appinfo
import pytest

LINUX = appinfo.ROOT / "packaging" / "linux"
INFO = appinfo.load()
DESKTOP = LINUX / f"{INFO.app_id}.desktop"
METAINFO = LINUX / f"{INFO.app_id}.metainfo.xml"
MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game",
                   "Graphics", "Network", "Office", "Science", "Settings", "System", "Utility"}
LIST_KEYS = {"Categories", "Keywords", "MimeType", "OnlyShowIn", "NotShowIn", "Actions"}


def parse_desktop(path: Path) -> dict[str, dict[str, str]]:
    """Groups of key=value pairs; fails on anything the Desktop Entry spec does not allow."""
    groups: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            assert line.endswith("]"), f"line {number}: bad group header"
            assert line[1:-1] not in groups, f"line {number}: duplicate group"
            current = groups.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"line {number}: key before the first group"
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Za-z0-9-]+(\[[A-Za-z_@.]+\])?", key.strip()), (
            f"line {number}: bad key {key!r}")
        assert key.strip() not in current, f"line {number}: duplicate key {key}"
        current[key.strip()] = value.strip()
    return groups


def test_desktop_entry_is_valid() -> None:
    groups = parse_desktop(DESKTOP)
    assert next(iter(groups)) == "Desktop Entry"
    entry = groups["Desktop Entry"]
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        assert entry.get(key), f"{key} is missing"
    assert entry["Type"] == "Application"
    assert entry["Name"] == INFO.name
    assert entry["Icon"] == INFO.app_id
    assert entry["Exec"].split()[0] == "leeswijzer"
    assert all(re.fullmatch(r"%[fFuUik]", arg) for arg in entry["Exec"].split()[1:])
    assert entry["Terminal"] in ("true", "false")
    for key in LIST_KEYS & entry.keys():
        assert entry[key].endswith(";"), f"{key} must end with ';'"
    assert MAIN_CATEGORIES & set(entry["Categories"].split(";"))


def test_metainfo_has_the_required_keys_and_current_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == INFO.app_id
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == INFO.licence
    assert root.findtext("name") == INFO.name
    assert root.findtext("summary") == INFO.summary
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == INFO.version
    assert root.findtext("provides/binary") == "leeswijzer"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_metainfo_passes_appstreamcli() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_app_announces_the_desktop_entry_id() -> None:
    import appinfo

    from ui.app import DESKTOP_ID

    assert appinfo.APP_ID == DESKTOP_ID
