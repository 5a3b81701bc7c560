"""Samen Sterker toolbox: YAML records -> typed models -> catalog -> Markdown pages."""

__version__ = "0.1.0"
