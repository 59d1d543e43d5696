"""The spec, the Inno Setup script, the macOS recipe and the release workflow agree."""

from __future__ import annotations

import ast
import re
import sys

import appinfo
import pytest
import qt_filter

ROOT = appinfo.ROOT
INFO = appinfo.load()
SPEC = (ROOT / "leeswijzer.spec").read_text(encoding="utf-8")
ISS = (ROOT / "packaging" / "windows" / "leeswijzer.iss").read_text(encoding="utf-8")
DMG = (ROOT / "packaging" / "macos" / "build_dmg.sh").read_text(encoding="utf-8")
WORKFLOW = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def spec_constant(name: str) -> object:
    for node in ast.parse(SPEC).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not found in leeswijzer.spec")


def used_qt_modules() -> set[str]:
    used = {"QtCore", "QtGui", "QtWidgets"}
    for path in [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]:
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return used


def test_spec_excludes_webengine_and_qml() -> None:
    known = spec_constant("QT_ALL")
    assert isinstance(known, set)
    heavy = {"QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtQml", "QtQuick",
             "Qt3DCore", "QtMultimedia"}
    assert heavy <= known, "the spec must know these modules to exclude them"
    assert not heavy & used_qt_modules(), "the UI imports a module the spec excludes"


def test_spec_builds_one_windowed_folder_named_leeswijzer() -> None:
    assert "exclude_binaries=True" in SPEC and "COLLECT(" in SPEC
    assert re.search(r"console\s*=\s*False", SPEC)
    assert re.search(r'EXE\((?s:.*?)name="leeswijzer"', SPEC)
    assert '(str(ROOT / "resources"), "resources")' in SPEC
    assert "bundle_identifier=APP.app_id" in SPEC and "version=APP.version" in SPEC


def test_qt_filter_keeps_only_needed_plugins_and_translations() -> None:
    keep = qt_filter.keep_qt_file
    for path in ("PySide6/Qt/plugins/platforms/libqoffscreen.so",
                 "PySide6/Qt/plugins/platforms/libqxcb.so",
                 "PySide6/Qt/plugins/platforms/libqwayland.so",
                 "PySide6/Qt/plugins/imageformats/libqsvg.so",
                 "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
                 "PySide6/Qt/translations/qtbase_nl.qm",
                 "PySide6/Qt/lib/libQt6Widgets.so.6"):
        assert keep(path), path
    for path in ("PySide6/Qt/plugins/platformthemes/libqgtk3.so",
                 "PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so",
                 "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
                 "PySide6/Qt/plugins/platforms/libqeglfs.so",
                 "PySide6/Qt/plugins/imageformats/libqtiff.so",
                 "PySide6/Qt/translations/qtbase_de.qm",
                 "PySide6/Qt/translations/qtwebengine_nl.qm",
                 "PySide6/Qt/lib/libQt6Network.so.6"):
        assert not keep(path), path
    assert keep("PySide6/Qt/lib/libQt6Network.so.6", {"QtCore", "QtNetwork"})


def iss_define(name: str) -> str:
    match = re.search(rf'#define {name} "([^"]*)"', ISS)
    assert match, f"{name} is not defined in leeswijzer.iss"
    return match.group(1)


def test_inno_script_matches_the_app() -> None:
    assert iss_define("AppVersion") == INFO.version
    assert iss_define("AppId") == INFO.app_id
    assert iss_define("AppName") == INFO.name
    assert iss_define("AppExe") == "leeswijzer.exe"
    assert r"dist\leeswijzer\*" in ISS


def test_inno_installs_per_user_so_data_removal_is_the_learners_own() -> None:
    assert "PrivilegesRequired=lowest" in ISS
    assert "PrivilegesRequiredOverridesAllowed=dialog" not in ISS
    section = ISS.split("[UninstallDelete]", 1)[1]
    entries = [line for line in section.splitlines() if line.startswith("Type:")]
    assert all("Check: not IsAdminInstallMode" in line for line in entries)


def test_inno_uninstall_keeps_learner_data_unless_asked() -> None:
    section = ISS.split("[UninstallDelete]", 1)[1]
    entries = [line for line in section.splitlines() if line.startswith("Type:")]
    assert entries, "expected optional data removal entries"
    assert all("Tasks: removedata" in line for line in entries)
    task = next(line for line in ISS.splitlines() if line.startswith('Name: "removedata"'))
    assert "Flags: unchecked" in task
    assert "uninsdeletekey" not in ISS or "Tasks: removedata" in ISS.split("[Registry]")[1]


def test_macos_recipe_uses_the_spec_app_and_pyproject_version() -> None:
    assert "dist/Leeswijzer.app" in DMG and 'name=f"{APP.name}.app"' in SPEC
    assert "appinfo" in DMG and "hdiutil create" in DMG
    assert "CFBundleShortVersionString" in DMG


def test_workflow_builds_all_three_with_the_official_pipeline() -> None:
    for runner in ("ubuntu-", "windows-", "macos-14", "macos-13"):
        assert f"runs-on: {runner}" in WORKFLOW or f"runner: {runner}" in WORKFLOW, runner
    for step in ("packaging/build_bundle.py --release --require-pipeline nl_core_news_sm",
                 "packaging/linux/build_deb.py --release", r"packaging\windows\leeswijzer.iss",
                 "packaging/macos/build_dmg.sh", "packaging/check_bundle.py",
                 "sha256sum", "SHA256SUMS.txt", "notarytool submit", "stapler staple",
                 "signtool sign"):
        assert step in WORKFLOW, step
    assert "LEESWIJZER_SOURCES" not in WORKFLOW, "releases build the dictionary by download"


def test_workflow_tests_with_the_official_pipeline_before_building() -> None:
    assert re.search(r"^  test:\n(?s:.*?)make test", WORKFLOW, re.MULTILINE)
    for job in ("linux", "windows", "macos"):
        block = re.split(r"\n  \w", WORKFLOW.split(f"\n  {job}:\n", 1)[1], maxsplit=1)[0]
        assert "needs: test" in block, job


def test_signing_runs_only_when_its_secrets_exist() -> None:
    steps = re.split(r"\n      - ", WORKFLOW)
    for step in steps:
        if any(word in step for word in ("signtool sign", "notarytool", "security import")):
            assert re.search(r"if: env\.\w+ != ''", step), step[:80]


def test_the_pipeline_is_pinned_by_url_and_hash() -> None:
    requirements = (ROOT / "packaging" / "pipeline-requirements.txt").read_text("utf-8")
    line = next(line for line in requirements.splitlines() if not line.startswith("#"))
    assert re.fullmatch(
        r"nl_core_news_sm @ https://github\.com/explosion/spacy-models/releases/download/"
        r"nl_core_news_sm-[\d.]+/nl_core_news_sm-[\d.]+-py3-none-any\.whl "
        r"--hash=sha256:[0-9a-f]{64}", line)
    for text in (MAKEFILE, WORKFLOW):
        assert "--require-hashes -r packaging/pipeline-requirements.txt" in text or (
            "make setup" in text)
    assert "--require-hashes -r packaging/pipeline-requirements.txt" in MAKEFILE
    assert 'install --quiet "nl_core_news_sm"' not in MAKEFILE


def test_unnotarised_builds_tell_learners_about_open_anyway() -> None:
    notes = (ROOT / "packaging" / "release-notes-unsigned.md").read_text("utf-8")
    assert "Open Anyway" in notes and "Privacy & Security" in notes
    assert "release-notes-unsigned.md" in WORKFLOW


def test_macos_minimum_follows_the_wheels_and_the_dmg_names_its_architecture() -> None:
    assert '"LSMinimumSystemVersion": minimum_macos()' in SPEC
    assert "macos-${arch}.dmg" in DMG and "uname -m" in DMG and "-standin" in DMG


def test_makefile_has_the_packaging_targets() -> None:
    for target in ("bundle: setup", "package: setup", "bundle-check: setup"):
        assert re.search(rf"^{target}\b", MAKEFILE, re.MULTILINE), target


def test_built_bundle_has_no_webengine_qml_or_tests() -> None:
    internal = ROOT / "dist" / "leeswijzer" / "_internal"
    if not internal.is_dir():
        pytest.skip("no bundle built (make bundle)")
    names = [path.relative_to(internal).as_posix() for path in internal.rglob("*")]
    unwanted = ("WebEngine", "Qt6Qml", "Qt6Quick", "Qt6Pdf", "/tests/", "tkinter", "libgtk")
    assert not [name for name in names if any(word in name for word in unwanted)]
    if sys.platform == "linux":
        assert any(name.endswith("platforms/libqoffscreen.so") for name in names)


def test_qt_filter_keeps_read_aloud_and_drops_the_macos_icon_plugin_elsewhere() -> None:
    keep = qt_filter.keep_qt_file
    assert keep("PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so")
    assert not keep("PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so")
    assert not keep("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so")
    assert keep("PySide6/Qt/lib/libQt6Network.so.6", {"QtCore", "QtTextToSpeech"})
    assert not keep("PySide6/Qt/lib/libQt6Network.so.6", {"QtCore", "QtWidgets"})
    assert not keep("PySide6/Qt/plugins/imageformats/libqicns.so", platform="linux")
    assert not keep("PySide6/Qt/plugins/imageformats/qicns.dll", platform="win32")
    assert keep("PySide6/Qt/plugins/imageformats/libqicns.dylib", platform="darwin")


def test_spec_keeps_babel_for_trafilatura_and_cuts_what_nothing_runs() -> None:
    excludes = SPEC.split("EXCLUDES = [", 1)[1].split("]", 1)[0]
    assert '"babel"' not in SPEC.split("EXCLUDES +=", 1)[1].split("]", 1)[0]
    assert '"babel"' not in excludes
    for cut in ('"pygments"', '"lxml.objectify"', '"lxml.html.diff"', '"numpy._core._simd"'):
        assert cut in excludes, cut
    assert "_avx2" in SPEC and "SYSTEM_LIBRARIES" in SPEC
    justext = (ROOT / "packaging" / "pyinstaller" / "hook-justext.py").read_text("utf-8")
    assert "stoplists/Dutch.txt" in justext and "stoplists/English.txt" in justext
