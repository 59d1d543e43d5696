"""Which Qt plugins and translations the bundle keeps (used by the spec and the QtGui hook)."""

from __future__ import annotations

import re
import sys
from collections.abc import Collection

# Plugin folder -> substrings of the plugin file names kept ("" keeps all of that folder).
# Not the gtk3 platform theme: it would drag in half of GTK's libraries, which clash with the
# system's. Not eglfs/vnc/linuxfb, sql, tls, multimedia, printing or QML debugging.
KEPT_PLUGINS: dict[str, tuple[str, ...]] = {
    "platforms": ("offscreen", "xcb", "wayland", "windows", "cocoa"),
    "imageformats": ("svg", "jpeg", "ico", "icns"),  # icns on macOS only (see keep_qt_file)
    "iconengines": ("svg",),
    "styles": ("",),
    "platformthemes": ("xdgdesktopportal", "windows", "mac"),
    "platforminputcontexts": ("compose", "ibus"),
    "xcbglintegrations": ("",),
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-decoration-client": ("",),
    "wayland-graphics-integration-client": ("wayland-egl", "shm"),
    # Read-aloud (QtTextToSpeech from PySide6-Addons): the system's speech engines
    # (speech-dispatcher, SAPI/WinRT, AVFoundation), not the test engine.
    "texttospeech": ("speechd", "flite", "sapi", "winrt", "darwin", "avfoundation"),
}
# Plugins that only one operating system uses.
ONLY_ON = {"qicns": "darwin"}
KEPT_TRANSLATIONS = re.compile(r"qt(base)?_(nl|en)\.qm$")
# Qt libraries PyInstaller collects that no kept module or plugin links to (checked with
# readelf on the Linux bundle): networking (the app uses urllib) and embedded-display support.
UNUSED_LIBRARIES = ("Qt6Network", "Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport",
                    "Qt6WlShellIntegration")
# Modules that link one of those libraries (QtTextToSpeech links QtNetwork via QtMultimedia).
ALSO_NEEDED_BY = {"Qt6Network": ("QtTextToSpeech", "QtMultimedia")}


def keep_qt_file(dest: str, qt_used: Collection[str] = (), platform: str = sys.platform
                 ) -> bool:
    """False for Qt plugins, libraries and translations the app does not need (`qt_used`: the
    PySide6 modules it imports; `platform`: the one built for); True for everything else."""
    parts = dest.replace("\\", "/").split("/")
    if "translations" in parts and dest.endswith(".qm"):
        return KEPT_TRANSLATIONS.match(parts[-1]) is not None
    unused = (name for name in UNUSED_LIBRARIES
              if not {name.replace("6", "", 1), *ALSO_NEEDED_BY.get(name, ())} & set(qt_used))
    if any(name in parts[-1] for name in unused):
        return False
    if "plugins" not in parts[:-1]:
        return True
    category = parts[parts.index("plugins") + 1]
    if category == "platforms" and "darwin" in parts:
        return True  # macOS-only helpers of the cocoa platform plugin
    only_on = ONLY_ON.get(parts[-1].split(".")[0].removeprefix("lib"))
    if only_on is not None and not platform.startswith(only_on):
        return False
    words = KEPT_PLUGINS.get(category)
    return words is not None and any(word in parts[-1] for word in words)
