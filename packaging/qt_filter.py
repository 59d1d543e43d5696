"""Which Qt plugins and translations the bundle keeps (used by the spec and the QtGui hook)."""

from __future__ import annotations

import re
from collections.abc import Collection

# Plugin folder -> substrings of the plugin file names kept ("" keeps all of that folder).
# Not the gtk3 platform theme: it would drag in half of GTK's libraries, which clash with the
# system's. Not eglfs/vnc/linuxfb, sql, tls, multimedia, printing or QML debugging.
KEPT_PLUGINS: dict[str, tuple[str, ...]] = {
    "platforms": ("offscreen", "xcb", "wayland", "windows", "cocoa"),
    "imageformats": ("svg", "jpeg", "ico", "icns"),
    "iconengines": ("svg",),
    "styles": ("",),
    "platformthemes": ("xdgdesktopportal", "windows", "mac"),
    "platforminputcontexts": ("compose", "ibus"),
    "xcbglintegrations": ("",),
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-decoration-client": ("",),
    "wayland-graphics-integration-client": ("wayland-egl", "shm"),
}
KEPT_TRANSLATIONS = re.compile(r"qt(base)?_(nl|en)\.qm$")
# Qt libraries PyInstaller collects that no kept module or plugin links to (checked with
# readelf on the Linux bundle): networking (the app uses urllib) and embedded-display support.
UNUSED_LIBRARIES = ("Qt6Network", "Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport",
                    "Qt6WlShellIntegration")


def keep_qt_file(dest: str, qt_used: Collection[str] = ()) -> bool:
    """False for Qt plugins, libraries and translations the app does not need (`qt_used`: the
    PySide6 modules it imports); True for everything else."""
    parts = dest.replace("\\", "/").split("/")
    if "translations" in parts and dest.endswith(".qm"):
        return KEPT_TRANSLATIONS.match(parts[-1]) is not None
    unused = (name for name in UNUSED_LIBRARIES if name.replace("6", "", 1) not in qt_used)
    if any(name in parts[-1] for name in unused):
        return False
    if "plugins" not in parts[:-1]:
        return True
    category = parts[parts.index("plugins") + 1]
    if category == "platforms" and "darwin" in parts:
        return True  # macOS-only helpers of the cocoa platform plugin
    words = KEPT_PLUGINS.get(category)
    return words is not None and any(word in parts[-1] for word in words)
