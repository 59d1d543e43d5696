"""Leeswijzer's PySide6 widgets: the only place Qt is used."""
