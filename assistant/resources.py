"""Finds the project's data files in resources/, from the source tree or from a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The resources/ folder: beside the package in a checkout, inside the bundle when frozen."""
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if bundle_dir is not None:
        return Path(bundle_dir) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file or folder under resources/ (it may not exist)."""
    return resources_root().joinpath(*parts)
