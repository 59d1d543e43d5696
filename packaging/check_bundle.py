"""Checks the built bundle as a learner's machine runs it: self-test on text, HTML, EPUB and a
loopback URL, the self-test failing on sabotaged copies, the GUI offscreen and on X11 (Xvfb,
with a screenshot whose highlights are checked), and the .deb with the Linux linters."""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
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
SCREEN_SIZE = (1280, 800)
SCREENSHOT_TIMEOUT = 120.0
FIXTURES = ROOT / "resources" / "self-test"
# What every article the check opens must give (the shared sample and the fixtures exceed it).
MIN_COUNTS = {"tokens": 250, "hard words": 10, "glossed": 8, "entities": 4, "notes": 3}
COUNT = re.compile(r"(\d+) (tokens|hard words|glossed|entities|notes)\b")
# lintian tags a self-contained bundle in /opt must carry (docs/packaging.md says why).
ALLOWED_LINTIAN_ERRORS = {
    "dir-or-file-in-opt",  # the bundle lives in /opt/leeswijzer by design (FHS add-on software)
    "embedded-library",  # Qt, ICU, zlib... are part of the bundle, not taken from Debian
    "statically-linked-binary",  # genccode's ICU data library has no dynamic dependencies
    "shared-library-lacks-prerequisites",  # the same data-only library
    "unstripped-binary-or-object",  # wheel-vendored libraries (numpy.libs) break when stripped
    "binary-or-shlib-defines-rpath",  # $ORIGIN runpaths inside the bundle
    "shlib-with-executable-bit",  # PyInstaller's layout
    "missing-dependency-on-libc",  # libraries that the bundle itself provides
    "library-not-linked-against-libc",  # Python's _statistics and _uuid call no libc function
}


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


def run_self_test(executable: Path, article: str, scratch: Path
                  ) -> subprocess.CompletedProcess[str]:
    home = Path(tempfile.mkdtemp(prefix="home-", dir=scratch))
    return subprocess.run(
        [str(executable), "--self-test", article], cwd=home,
        env=clean_env(home, QT_QPA_PLATFORM="offscreen"),
        capture_output=True, text=True, timeout=SELF_TEST_TIMEOUT, check=False,
    )


def self_test(executable: Path, sample: Path | str, scratch: Path) -> str:
    """Run `leeswijzer --self-test SAMPLE` from a folder outside the source tree."""
    if not executable.is_file():
        raise CheckFailed(f"{executable} does not exist; run `make bundle` first")
    if isinstance(sample, Path) and not sample.is_file():
        raise CheckFailed(f"the sample article {sample} does not exist")
    result = run_self_test(executable, str(sample), scratch)
    # A windowed Windows executable has no stdout: there only the exit code tells.
    printed = result.stdout.startswith("self-test OK") or sys.platform == "win32"
    if result.returncode != 0 or not printed:
        raise CheckFailed(f"self-test of {executable} exited {result.returncode}:\n"
                          f"{_tail(result.stdout + result.stderr)}")
    return (result.stdout.strip().splitlines() or ["self-test OK (exit code 0)"])[-1]


def article_counts(line: str) -> dict[str, int]:
    """The counts of the first article in a self-test line ('611 tokens, 80 hard words, ...')."""
    first = line.split(";", 1)[0]
    return {what: int(number) for number, what in COUNT.findall(first)}


def check_counts(line: str, what: str) -> None:
    if sys.platform == "win32":
        return  # no output from a windowed .exe: the self-test's own floors decide
    counts = article_counts(line)
    low = [f"{counts.get(name, 0)} {name} (at least {floor})"
           for name, floor in MIN_COUNTS.items() if counts.get(name, 0) < floor]
    if low:
        raise CheckFailed(f"{what} was read badly: {', '.join(low)}\n{line}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 (a free port) serving `folder`; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def check_articles(executable: Path, sample: Path, scratch: Path) -> list[str]:
    """The bundle reads a .txt, an .html, an .epub and a page from a loopback web server,
    each with enough tokens, hard words, glosses, entities and notes."""
    articles = scratch / "articles"
    articles.mkdir()
    html = shutil.copy(FIXTURES / "artikel.html", articles / "groene daken.html")
    epub = shutil.copy(FIXTURES / "artikel.epub", articles / "groene daken.epub")
    done = []
    for what, path in (("the .txt sample", sample), ("the .html page", Path(html)),
                       ("the .epub book", Path(epub))):
        line = self_test(executable, path, scratch)
        check_counts(line, what)
        done.append(f"{what}: {line}")
    with serve_folder(articles) as url:
        line = self_test(executable, f"{url}/groene%20daken.html", scratch)
    check_counts(line, "the loopback URL")
    done.append(f"the page from {url}: {line}")
    return done


def _replace(path: Path, data: bytes) -> None:
    path.unlink()  # the copy's file is a hard link to the real bundle's: never write through
    path.write_bytes(data)


def _empty_dictionary(internal: Path) -> None:
    path = internal / "resources" / "dictionary.sqlite"
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("DELETE FROM entries")
        connection.commit()


def _first(internal: Path, pattern: str) -> Path:
    found = sorted(internal.rglob(pattern))
    if not found:
        raise CheckFailed(f"the bundle has no {pattern} to break")
    return found[0]


# What a learner's machine can lose, and a word the self-test must then say.
SABOTAGE: tuple[tuple[str, Callable[[Path], None], str], ...] = (
    ("Qt's platform plugins deleted",
     lambda internal: shutil.rmtree(_first(internal, "platforms")), "platform plugin"),
    ("an empty X11 platform plugin",
     lambda internal: _replace(_first(internal, "libqxcb.so"), b""), "xcb does not load"),
    ("QtWidgets deleted",
     lambda internal: _first(internal, "libQt6Widgets.so*").unlink(), ""),
    ("the dictionary emptied", _empty_dictionary, "0 entries"),
    ("the knowledge base removed",
     lambda internal: shutil.rmtree(internal / "resources" / "knowledge"), "0 notes"),
    ("the HTML fixture removed",
     lambda internal: (internal / "resources" / "self-test" / "artikel.html").unlink(),
     "artikel.html"),
)


def linked_copy(bundle: Path, target: Path) -> Path:
    """A copy of the bundle made of hard links (instant, no extra space)."""
    shutil.copytree(bundle, target, symlinks=True, copy_function=os.link)
    return target


def check_sabotage(bundle: Path, sample: Path, scratch: Path) -> list[str]:
    """The self-test must fail, and say why, on copies of the bundle with a part broken."""
    results = []
    for number, (what, damage, word) in enumerate(SABOTAGE):
        copy = linked_copy(bundle, scratch / f"sabotage-{number}")
        damage(copy / "_internal")
        result = run_self_test(copy / EXE_NAME, str(sample), scratch)
        output = result.stdout + result.stderr
        shutil.rmtree(copy)
        if result.returncode == 0:
            raise CheckFailed(f"the self-test passed with {what}:\n{_tail(output)}")
        if word and word not in output:
            raise CheckFailed(f"the self-test failed with {what} but did not say "
                              f"{word!r}:\n{_tail(output)}")
        results.append(what)
    return results


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


def highlight_colours(dark: bool) -> tuple[list[tuple[int, int, int]], tuple[int, int, int]]:
    """The reader's entity backgrounds and hard-word underline colour (ui/theme.py)."""
    from PySide6.QtGui import QColor, QPalette

    sys.path.insert(0, str(ROOT))
    from ui.theme import reader_colours

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1d1e21" if dark else "#ffffff"))
    colours = reader_colours(palette)
    entity = [c.getRgb()[:3] for c in colours.entity.values()]
    underline = colours.hard_underline.getRgb()[:3]
    return entity, underline  # type: ignore[return-value]


def highlighted_pixels(image_path: Path) -> dict[str, int]:
    """How many pixels of a screenshot have an entity highlight and the hard-word underline."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = QImage(str(image_path)).convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    pixels = data.reshape(height, image.bytesPerLine())[:, :width * 3].reshape(height, width, 3)
    pixels = pixels.astype(np.int16)

    def near(colour: tuple[int, int, int]) -> int:
        return int((np.abs(pixels - np.array(colour)).max(axis=2) <= 6).sum())

    counts = {"entity": 0, "underline": 0}
    for dark in (False, True):
        entity, underline = highlight_colours(dark)
        counts["entity"] = max(counts["entity"], sum(near(c) for c in entity))
        counts["underline"] = max(counts["underline"], near(underline))
    return counts


def grab_screen(out: Path, timeout: float) -> int:
    """(Run on the X display.) Grab the screen until the article shows highlights."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(["leeswijzer-check-grab"])
    deadline = time.monotonic() + timeout
    counts: dict[str, int] = {}
    while time.monotonic() < deadline:
        screen = app.primaryScreen()
        if screen is not None and screen.grabWindow(0).save(str(out), "PNG"):
            counts = highlighted_pixels(out)
            if counts["entity"] >= 2000 and counts["underline"] >= 100:
                print(f"highlighted: {counts['entity']} entity pixels, "
                      f"{counts['underline']} underline pixels")
                return 0
        app.processEvents()
        time.sleep(1.0)  # polling a screen for a bounded time: nothing to wait on
    print(f"no highlighted article on the screen within {timeout:.0f} s: {counts}")
    return 1


@contextlib.contextmanager
def xvfb(scratch: Path) -> Iterator[str]:
    """A virtual X server (Xvfb) on a free display; yields the DISPLAY value."""
    if shutil.which("Xvfb") is None:
        raise CheckFailed("Xvfb is not installed (apt install xvfb): the X11 check needs it")
    read_end, write_end = os.pipe()
    width, height = SCREEN_SIZE
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp", "-noreset"], pass_fds=(write_end,), stdout=subprocess.DEVNULL,
        stderr=(scratch / "xvfb.log").open("w"))
    os.close(write_end)
    try:
        with os.fdopen(read_end) as reader:
            number = reader.readline().strip()
        if not number:
            raise CheckFailed("Xvfb did not start:\n" + (scratch / "xvfb.log").read_text())
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextlib.contextmanager
def bundled_app(executable: Path, sample: Path, home: Path, env: dict[str, str],
                output: Path) -> Iterator[subprocess.Popen[bytes]]:
    """The bundled GUI opened on the sample, what it prints written to `output`; killed if it
    is still running when the check leaves (a failed check must not leave it behind)."""
    with output.open("w", encoding="utf-8") as printed:
        app = subprocess.Popen([str(executable), str(sample)], cwd=home, env=env,
                               stdout=printed, stderr=subprocess.STDOUT)
        try:
            yield app
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()


def quit_on_sigterm(app: subprocess.Popen[bytes]) -> int:
    """Ask the GUI to quit as a desktop session would, and return its exit code."""
    app.send_signal(signal.SIGTERM)
    return app.wait(timeout=GUI_QUIT_TIMEOUT)


def gui_on_x11(executable: Path, sample: Path, scratch: Path, screenshot: Path) -> str:
    """Start the GUI on Qt's xcb plugin under Xvfb with the sample; a screenshot must show it
    analysed (entity highlights, hard words underlined); SIGTERM must quit it cleanly."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=scratch))
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    with xvfb(scratch) as display:
        env = clean_env(home, DISPLAY=display, QT_QPA_PLATFORM="xcb", LEESWIJZER_OFFLINE="1",
                        XDG_RUNTIME_DIR=str(runtime))
        log_path = home / "gui.log"
        with bundled_app(executable, sample, home, env, log_path) as app:
            grab_env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            grab = subprocess.run(
                [sys.executable, __file__, "--grab", str(screenshot),
                 "--grab-timeout", str(SCREENSHOT_TIMEOUT)],
                env=grab_env, capture_output=True, text=True,
                timeout=SCREENSHOT_TIMEOUT + 60, check=False)
            if app.poll() is not None:
                raise CheckFailed(f"the GUI on X11 exited with code {app.returncode}:\n"
                                  f"{_tail(log_path.read_text(encoding='utf-8'))}")
            if grab.returncode != 0:
                raise CheckFailed(f"the X11 screenshot shows no analysed article "
                                  f"({screenshot}): {_tail(grab.stdout + grab.stderr)}\n"
                                  f"{_tail(log_path.read_text(encoding='utf-8'))}")
            code = quit_on_sigterm(app)
        output = log_path.read_text(encoding="utf-8")
    if code != 0 or "Traceback" in output:
        raise CheckFailed(f"the GUI on X11 did not quit cleanly (code {code}):\n"
                          + _tail(output))
    return grab.stdout.strip()


@contextlib.contextmanager
def weston(scratch: Path) -> Iterator[tuple[str, Path]]:
    """A headless Wayland compositor (weston); yields its socket name and runtime folder."""
    runtime = scratch / "wayland-runtime"
    runtime.mkdir(mode=0o700)
    socket = "leeswijzer-check"
    width, height = SCREEN_SIZE
    log = (scratch / "weston.log").open("w")
    server = subprocess.Popen(
        ["weston", "--backend=headless-backend.so", f"--socket={socket}", "--idle-time=0",
         f"--width={width}", f"--height={height}"],
        env={"PATH": "/usr/bin:/bin", "XDG_RUNTIME_DIR": str(runtime), "HOME": str(scratch)},
        stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while not (runtime / socket).exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise CheckFailed("weston did not start:\n"
                                  + _tail((scratch / "weston.log").read_text()))
            time.sleep(0.1)  # waiting for another program's socket file, bounded
        yield socket, runtime
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def gui_on_wayland(executable: Path, sample: Path, scratch: Path) -> str:
    """Start the GUI on Qt's Wayland plugin under a headless weston with the sample: it must
    show its window (its log says so), keep running, and quit cleanly on SIGTERM."""
    if shutil.which("weston") is None:
        return "skipped (weston is not installed)"
    home = Path(tempfile.mkdtemp(prefix="home-", dir=scratch))
    with weston(scratch) as (socket, runtime):
        env = clean_env(home, WAYLAND_DISPLAY=socket, XDG_RUNTIME_DIR=str(runtime),
                        QT_QPA_PLATFORM="wayland", LEESWIJZER_OFFLINE="1")
        output_path = home / "gui.out"
        app_log = home / ".local" / "share" / appinfo.APP_NAME / "leeswijzer.log"
        with bundled_app(executable, sample, home, env, output_path) as app:
            deadline = time.monotonic() + SCREENSHOT_TIMEOUT
            while not (app_log.is_file() and "window shown" in app_log.read_text("utf-8")):
                if app.poll() is not None or time.monotonic() > deadline:
                    raise CheckFailed(
                        f"the GUI on Wayland showed no window (code {app.poll()}):\n"
                        + _tail(output_path.read_text(encoding="utf-8")))
                time.sleep(0.2)  # polling the app's log file for a bounded time
            time.sleep(GUI_RUN_SECONDS)  # it must keep running on Wayland a while
            if app.poll() is not None:
                raise CheckFailed(f"the GUI on Wayland exited with code {app.returncode}:\n"
                                  + _tail(output_path.read_text(encoding="utf-8")))
            code = quit_on_sigterm(app)
        printed = output_path.read_text(encoding="utf-8")
    if code != 0 or "Traceback" in printed:
        raise CheckFailed(f"the GUI on Wayland did not quit cleanly (code {code}):\n"
                          + _tail(printed))
    return "showed its window, ran and quit cleanly on SIGTERM"


def find_deb() -> Path:
    info = appinfo.load()
    found = sorted((ROOT / "dist").glob(f"{info.package}*_{info.version}_*.deb"),
                   key=lambda path: path.stat().st_mtime)
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


def lintian_errors(output: str) -> list[str]:
    """lintian's E: lines whose tag a self-contained /opt bundle cannot avoid are dropped."""
    problems = []
    for line in output.splitlines():
        match = re.match(r"E: \S+: (\S+)", line)
        if match and match.group(1) not in ALLOWED_LINTIAN_ERRORS:
            problems.append(line)
    return problems


def lint_deb(deb: Path, root: Path) -> str:
    """desktop-file-validate, appstreamcli validate --no-net and lintian on the package."""
    info = appinfo.load()
    done = []
    desktop = root / f"usr/share/applications/{info.app_id}.desktop"
    metainfo = root / f"usr/share/metainfo/{info.app_id}.metainfo.xml"
    for tool, args in (("desktop-file-validate", [str(desktop)]),
                       ("appstreamcli", ["validate", "--no-net", str(metainfo)])):
        if shutil.which(tool) is None:
            raise CheckFailed(f"{tool} is not installed (.ci/run installs it)")
        result = subprocess.run([tool, *args], capture_output=True, text=True, check=False)
        if result.returncode != 0 or (tool == "desktop-file-validate" and result.stdout.strip()):
            raise CheckFailed(f"{tool} rejects the package:\n"
                              f"{_tail(result.stdout + result.stderr)}")
        done.append(tool)
    if shutil.which("lintian") is None:
        raise CheckFailed("lintian is not installed (.ci/run installs it)")
    result = subprocess.run(["lintian", "--no-tag-display-limit", str(deb)], capture_output=True,
                            text=True, check=False)
    errors = lintian_errors(result.stdout)
    if errors:
        raise CheckFailed("lintian finds errors beyond those of an /opt bundle:\n"
                          + "\n".join(errors[:30]))
    tags = sorted({m.group(1) for m in re.finditer(r"^E: \S+: (\S+)", result.stdout, re.M)})
    done.append(f"lintian (errors only of the /opt bundle: {', '.join(tags) or 'none'})")
    return ", ".join(done)


def check_deb(deb: Path, sample: Path, scratch: Path, lint: bool = True) -> str:
    """Extract the .deb into a scratch root, check its layout, run the self-test from it."""
    info = appinfo.load()
    fields = deb_fields(deb, "Package", "Version")
    if (not fields.get("Package", "").startswith(info.package)
            or fields.get("Version") != info.version):
        raise CheckFailed(f"{deb.name}: control fields {fields} do not match pyproject.toml")
    package = fields["Package"]
    if (package == info.package) != (appinfo.STANDIN_SUFFIX not in deb.name):
        raise CheckFailed(f"{deb.name}: the name and the Package field {package} disagree")
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
        f"usr/share/doc/{package}/copyright",
        f"usr/share/doc/{package}/changelog.gz",
        "opt/leeswijzer/_internal/resources/licences/LGPL-3.0.txt",
        "opt/leeswijzer/_internal/resources/licences/PYTHON.txt",
        "opt/leeswijzer/_internal/resources/licences/CC-BY-SA-4.0.txt",
    ]
    missing = [name for name in expected if not (root / name).is_file()]
    if missing:
        raise CheckFailed(f"{deb.name} lacks {', '.join(missing)}")
    launcher = root / "usr/bin/leeswijzer"
    if not launcher.is_symlink() or os.readlink(launcher) != "/opt/leeswijzer/leeswijzer":
        raise CheckFailed(f"{deb.name}: /usr/bin/leeswijzer is not a link to the bundle")
    line = self_test(root / "opt/leeswijzer" / EXE_NAME, sample, scratch)
    return line + ("; " + lint_deb(deb, root) if lint else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    parser.add_argument("--sample", type=Path, default=None,
                        help=f"article for the self-test (default ../shared/samples/{SAMPLE_NAME})")
    parser.add_argument("--no-gui", action="store_true", help="skip the GUI checks")
    parser.add_argument("--no-x11", action="store_true", help="skip the GUI check under Xvfb")
    parser.add_argument("--no-sabotage", action="store_true",
                        help="skip the self-test's checks on broken copies of the bundle")
    parser.add_argument("--deb", help="also check this .deb ('auto': the one in dist/)")
    parser.add_argument("--no-lint", action="store_true", help="skip the .deb's linters")
    parser.add_argument("--screenshot", type=Path, default=ROOT / "build" / "gui-x11.png",
                        help="where the X11 screenshot goes")
    parser.add_argument("--grab", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--grab-timeout", type=float, default=SCREENSHOT_TIMEOUT,
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.grab:
        return grab_screen(args.grab, args.grab_timeout)
    sample = (args.sample or default_sample()).resolve()
    bundle = args.bundle.resolve()
    executable = bundle / EXE_NAME
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="leeswijzer-check-") as folder:
        scratch = Path(folder)
        try:
            for line in check_articles(executable, sample, scratch):
                print(f"bundle-check: {line}")
            if not args.no_sabotage and sys.platform.startswith("linux"):
                broken = check_sabotage(bundle, sample, scratch)
                print(f"bundle-check: the self-test fails, as it must, with {'; '.join(broken)}")
            if not args.no_gui:
                gui_quits_on_sigterm(executable, scratch)
                print("bundle-check: GUI ran offscreen and quit cleanly on SIGTERM")
                if not args.no_x11 and sys.platform.startswith("linux"):
                    args.screenshot.parent.mkdir(parents=True, exist_ok=True)
                    shown = gui_on_x11(executable, sample, scratch, args.screenshot)
                    print(f"bundle-check: GUI on X11 (Xvfb, xcb) {shown}; screenshot "
                          f"{args.screenshot}; quit cleanly on SIGTERM")
                    print("bundle-check: GUI on Wayland (headless weston) "
                          f"{gui_on_wayland(executable, sample, scratch)}")
            if args.deb:
                deb = find_deb() if args.deb == "auto" else Path(args.deb).resolve()
                print(f"bundle-check: {deb.name} "
                      f"{check_deb(deb, sample, scratch, lint=not args.no_lint)}")
        except CheckFailed as error:
            print(f"bundle-check FAILED: {error}", file=sys.stderr)
            return 1
    print(f"bundle-check: all checks passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
