"""The NLP half: spaCy pipeline components and the rules that run after them."""

# Bump when a rule changes what extraction finds: cached extractions of older versions are redone.
EXTRACTOR_VERSION = "20"
