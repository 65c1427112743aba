"""Storyline: from a pile of news articles to a sourced, structured account."""

__version__ = "0.1.0"
