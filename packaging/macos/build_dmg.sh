#!/usr/bin/env bash
# Packs dist/Leeswijzer.app (built on macOS by `python packaging/build_bundle.py`, which runs the
# spec's BUNDLE step) into dist/leeswijzer-<version>-macos-<arch>.dmg (arm64 or x86_64, the
# machine's architecture) with an Applications link. Unsigned apart from PyInstaller's ad-hoc
# signature unless CODESIGN_IDENTITY names a Developer ID: then the app is signed with the
# hardened runtime and the release workflow notarises the .dmg (docs/packaging.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

PY="${PY:-.venv/bin/python}"
version="$("$PY" -c 'import sys; sys.path.insert(0, "packaging"); import appinfo; print(appinfo.load().version)')"
app="dist/Leeswijzer.app"
arch="$(uname -m)"
standin=""
if ! ls -d "$app"/Contents/*/nl_core_news_*.dist-info >/dev/null 2>&1; then
  standin="-standin"  # a test build with the stand-in pipeline, never a release
fi
dmg="dist/leeswijzer${standin}-${version}-macos-${arch}.dmg"

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
