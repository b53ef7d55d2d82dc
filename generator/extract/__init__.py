"""The NLP half: spaCy pipeline components and the rules that run after them."""
