"""The MkDocs entry point (`plugins: [timeline]`); the plugin lives in generator.site.plugin."""

from generator.site.plugin import TimelinePlugin

__all__ = ["TimelinePlugin"]
