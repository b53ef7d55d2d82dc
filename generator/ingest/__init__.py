"""Reading articles into the data model: Markdown and text with front matter."""
