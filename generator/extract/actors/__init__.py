"""Actor mentions in a Doc: names, short forms, references."""
