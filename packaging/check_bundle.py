"""Checks the built bundle as a learner's machine runs it: self-test, offscreen GUI, the .deb."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import appinfo

ROOT = appinfo.ROOT
BUNDLE = ROOT / "dist" / "leeswijzer"
EXE_NAME = "leeswijzer.exe" if sys.platform == "win32" else "leeswijzer"
SAMPLE_NAME = "000_979833dae2dbd21b.txt"
SELF_TEST_TIMEOUT = 300
GUI_RUN_SECONDS = 5.0
GUI_QUIT_TIMEOUT = 30.0


class CheckFailed(Exception):
    """One check did not pass; the message says which and why."""


def default_sample() -> Path:
    shared = Path(os.environ.get("LEESWIJZER_SHARED", ROOT.parent / "shared"))
    return (shared / "samples" / SAMPLE_NAME).resolve()


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """Like `env -i PATH=/usr/bin:/bin HOME=...`: nothing from the build environment leaks in."""
    if sys.platform == "win32":
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        return {"SYSTEMROOT": system_root, "PATH": rf"{system_root}\System32",
                "USERPROFILE": str(home), "APPDATA": str(home / "Roaming"),
                "LOCALAPPDATA": str(home / "Local"), "TEMP": str(home), "TMP": str(home),
                **extra}
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), **extra}


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def self_test(executable: Path, sample: Path, scratch: Path) -> str:
    """Run `leeswijzer --self-test SAMPLE` from a folder outside the source tree."""
    if not executable.is_file():
        raise CheckFailed(f"{executable} does not exist; run `make bundle` first")
    if not sample.is_file():
        raise CheckFailed(f"the sample article {sample} does not exist")
    home = Path(tempfile.mkdtemp(prefix="home-", dir=scratch))
    result = subprocess.run(
        [str(executable), "--self-test", str(sample)], cwd=home, env=clean_env(home),
        capture_output=True, text=True, timeout=SELF_TEST_TIMEOUT, check=False,
    )
    # A windowed Windows executable has no stdout: there only the exit code tells.
    printed = result.stdout.startswith("self-test OK") or sys.platform == "win32"
    if result.returncode != 0 or not printed:
        raise CheckFailed(f"self-test of {executable} exited {result.returncode}:\n"
                          f"{_tail(result.stdout + result.stderr)}")
    return (result.stdout.strip().splitlines() or ["self-test OK (exit code 0)"])[-1]


def gui_quits_on_sigterm(executable: Path, scratch: Path) -> None:
    """Start the GUI offscreen, let it run, send SIGTERM and expect a clean exit (code 0)."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=scratch))
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    env = clean_env(home, QT_QPA_PLATFORM="offscreen", LEESWIJZER_OFFLINE="1",
                    XDG_RUNTIME_DIR=str(runtime))
    log_path = home / "gui.log"
    with log_path.open("w+", encoding="utf-8") as log:
        process = subprocess.Popen([str(executable)], cwd=home, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
        try:
            # The GUI should still be running after a few seconds: an early exit is a failure.
            code = process.wait(timeout=GUI_RUN_SECONDS)
        except subprocess.TimeoutExpired:
            code = None
        if code is not None:
            raise CheckFailed(f"the GUI exited by itself with code {code}:\n"
                              f"{_tail(log_path.read_text(encoding='utf-8'))}")
        process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(timeout=GUI_QUIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise CheckFailed(f"the GUI did not quit within {GUI_QUIT_TIMEOUT:.0f} s of SIGTERM"
                              ) from None
        output = log_path.read_text(encoding="utf-8")
    if code != 0:
        how = f"was killed by signal {-code}" if code < 0 else f"exited with code {code}"
        raise CheckFailed(f"the GUI {how} after SIGTERM instead of quitting cleanly (code 0); "
                          "it must quit the Qt event loop on SIGTERM/SIGINT:\n" + _tail(output))
    if "Traceback" in output:
        raise CheckFailed("the GUI printed a traceback:\n" + _tail(output, 30))


def find_deb() -> Path:
    info = appinfo.load()
    found = sorted((ROOT / "dist").glob(f"{info.package}_{info.version}_*.deb"))
    if not found:
        raise CheckFailed("no .deb in dist/; run `make package` first")
    return found[-1]


def deb_fields(deb: Path, *names: str) -> dict[str, str]:
    result = subprocess.run(["dpkg-deb", "--field", str(deb), *names], capture_output=True,
                            text=True, check=True)
    fields: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def check_deb(deb: Path, sample: Path, scratch: Path) -> str:
    """Extract the .deb into a scratch root, check its layout, run the self-test from it."""
    info = appinfo.load()
    fields = deb_fields(deb, "Package", "Version")
    if fields != {"Package": info.package, "Version": info.version}:
        raise CheckFailed(f"{deb.name}: control fields {fields} do not match pyproject.toml")
    root = scratch / "deb-root"
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(root)], check=True)
    control = scratch / "deb-control"
    subprocess.run(["dpkg-deb", "--control", str(deb), str(control)], check=True)
    scripts = [p.name for p in control.iterdir() if p.name in ("preinst", "postinst", "prerm",
                                                               "postrm")]
    for name in scripts:
        text = (control / name).read_text(encoding="utf-8")
        if "HOME" in text or "/home" in text or "~" in text:
            raise CheckFailed(f"{deb.name}: the {name} script touches home folders")
    expected = [
        f"opt/leeswijzer/{EXE_NAME}",
        f"usr/share/applications/{info.app_id}.desktop",
        f"usr/share/metainfo/{info.app_id}.metainfo.xml",
        f"usr/share/icons/hicolor/scalable/apps/{info.app_id}.svg",
        f"usr/share/icons/hicolor/256x256/apps/{info.app_id}.png",
    ]
    missing = [name for name in expected if not (root / name).is_file()]
    if missing:
        raise CheckFailed(f"{deb.name} lacks {', '.join(missing)}")
    launcher = root / "usr/bin/leeswijzer"
    if not launcher.is_symlink() or os.readlink(launcher) != "/opt/leeswijzer/leeswijzer":
        raise CheckFailed(f"{deb.name}: /usr/bin/leeswijzer is not a link to the bundle")
    return self_test(root / "opt/leeswijzer" / EXE_NAME, sample, scratch)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    parser.add_argument("--sample", type=Path, default=None,
                        help=f"article for the self-test (default ../shared/samples/{SAMPLE_NAME})")
    parser.add_argument("--no-gui", action="store_true", help="skip the offscreen GUI check")
    parser.add_argument("--deb", help="also check this .deb ('auto': the one in dist/)")
    args = parser.parse_args(argv)
    sample = (args.sample or default_sample()).resolve()
    executable = args.bundle.resolve() / EXE_NAME
    with tempfile.TemporaryDirectory(prefix="leeswijzer-check-") as folder:
        scratch = Path(folder)
        try:
            print(f"bundle-check: bundle {self_test(executable, sample, scratch)}")
            if not args.no_gui:
                gui_quits_on_sigterm(executable, scratch)
                print("bundle-check: GUI ran offscreen and quit cleanly on SIGTERM")
            if args.deb:
                deb = find_deb() if args.deb == "auto" else Path(args.deb).resolve()
                print(f"bundle-check: {deb.name} {check_deb(deb, sample, scratch)}")
        except CheckFailed as error:
            print(f"bundle-check FAILED: {error}", file=sys.stderr)
            return 1
    print("bundle-check: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
