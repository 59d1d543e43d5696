#!/usr/bin/env bash
# Packs dist/Leeswijzer.app (built on macOS by `python packaging/build_bundle.py`, which runs the
# spec's BUNDLE step) into dist/leeswijzer-<version>-macos.dmg with an Applications link.
# Unsigned apart from PyInstaller's ad-hoc signature; set CODESIGN_IDENTITY to sign with a
# Developer ID (notarisation is a separate, manual step; see docs/packaging.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

PY="${PY:-.venv/bin/python}"
version="$("$PY" -c 'import sys; sys.path.insert(0, "packaging"); import appinfo; print(appinfo.load().version)')"
app="dist/Leeswijzer.app"
dmg="dist/leeswijzer-${version}-macos.dmg"

if [ ! -d "$app" ]; then
  echo "build_dmg: $app is missing; run python packaging/build_bundle.py on macOS first" >&2
  exit 1
fi
plist_version="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$app/Contents/Info.plist")"
if [ "$plist_version" != "$version" ]; then
  echo "build_dmg: $app has version $plist_version, pyproject.toml says $version" >&2
  exit 1
fi
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "Leeswijzer ${version}" -srcfolder "$stage" -fs HFS+ -format ULMO \
  "$dmg"
echo "build_dmg: $dmg $(du -h "$dmg" | cut -f1)"
