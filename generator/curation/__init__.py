"""What curators run on content/: actors merge/rename/split and `timeline check`."""
