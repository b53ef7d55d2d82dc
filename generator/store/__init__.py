"""The YAML under content/: round trip, atomic writes, the event schema, merging edits."""
