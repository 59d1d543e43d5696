"""Leeswijzer's Qt-free core: loading, analysis, dictionary, notes and learner data."""

__version__ = "0.1.0"
