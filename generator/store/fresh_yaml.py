"""The YAML of a freshly extracted events file or actors.yml, written without ruamel's emitter.

An events file that no person has touched yet is plain data (mappings, lists, strings, numbers)
with no comments to keep, and ruamel's pure-Python representer, serializer and emitter cost
about 20 ms per file: a fifth of a fresh run's time beside the NLP. This module writes the same
text ruamel's round-trip dump (generator/store/yaml_io.dump_yaml) gives for such data, byte for
byte, by mirroring its scalar-style decisions for the common case: one-line text of printable
characters, integers, booleans and ordinary floats, in block mappings and lists and in the flow
lists of actors.yml's aliases (`aliases: [A, B]`). Anything else (line breaks, control or
astral characters, very long text, nulls, other types) gives None, and the caller falls back to
ruamel. tests/test_fresh_yaml.py compares the two on real extractions and on generated text.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedSeq
from ruamel.yaml.nodes import ScalarNode

MAX_SCALAR = 2000  # well under the dump width (4096), so ruamel never folds what we write
MAX_KEY = 100  # ruamel writes a key of 128 characters or more as an explicit `? key`

# One line of characters that ruamel writes as they are (allow_unicode): no tab, no U+2028/9.
_WRITTEN_AS_IS = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")
_LEADING_INDICATOR = frozenset("#,[]{}&*!|>'\"%@`")
_STR_TAG = "tag:yaml.org,2002:str"


class NotPlainData(Exception):
    """The data holds something this writer does not mirror exactly; ruamel must write it."""


def fresh_yaml(data: dict[str, Any]) -> str | None:
    """The round-trip YAML text of `data` (a mapping of plain values), or None to use ruamel."""
    try:
        return "".join(_mapping_lines(data, indent=0, first_prefix=""))
    except NotPlainData:
        return None


def fresh_yaml_by_entry(data: dict[str, Any], dump: Callable[[dict[str, Any]], str]) -> str:
    """The round-trip YAML text of a mapping, each top-level entry written here or, when it holds
    what this writer does not mirror, by `dump` (ruamel's, which writes the entries one by one too).
    """
    parts = []
    for key, value in data.items():
        entry = {key: value}
        parts.append(fresh_yaml(entry) or dump(type(data)([(key, value)])))
    return "".join(parts)


def _mapping_lines(data: dict[str, Any], indent: int, first_prefix: str) -> list[str]:
    if not data:
        raise NotPlainData("an empty mapping")
    lines: list[str] = []
    for number, (key, value) in enumerate(data.items()):
        if not isinstance(key, str) or not key or len(key) > MAX_KEY:
            raise NotPlainData(f"key {key!r}")
        prefix = first_prefix if number == 0 else " " * indent
        lines.extend(_entry_lines(f"{prefix}{_text(key)}:", value, indent))
    return lines


def _entry_lines(head: str, value: Any, indent: int) -> list[str]:
    if isinstance(value, CommentedSeq) and value.fa.flow_style():
        line = f"{head} [{', '.join(_flow_text(item) for item in value)}]\n"
        if len(line) > MAX_SCALAR:
            raise NotPlainData("a flow list ruamel could fold")
        return [line]
    if isinstance(value, dict):
        if not value:
            return [f"{head} {{}}\n"]
        return [f"{head}\n", *_mapping_lines(value, indent + 2, " " * (indent + 2))]
    if isinstance(value, list):
        if not value:
            return [f"{head} []\n"]
        return [f"{head}\n", *_sequence_lines(value, indent + 2)]
    return [f"{head} {_scalar(value)}\n"]


def _sequence_lines(items: list[Any], dash_indent: int) -> list[str]:
    lines: list[str] = []
    dash = " " * dash_indent + "- "
    for item in items:
        if isinstance(item, dict) and item:
            lines.extend(_mapping_lines(item, dash_indent + 2, dash))
        elif isinstance(item, dict | list):
            raise NotPlainData("a nested list or an empty mapping in a list")
        else:
            lines.append(f"{dash}{_scalar(item)}\n")
    return lines


def _scalar(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return str(value)
    if type(value) is float:
        text = repr(value).lower()
        if not math.isfinite(value) or "e" in text:
            raise NotPlainData(f"float {value!r}")
        return text
    if type(value) is str:
        return _text(value)
    raise NotPlainData(f"{type(value).__name__} {value!r}")


@functools.lru_cache(maxsize=65536)
def _text(value: str) -> str:
    if len(value) > MAX_SCALAR or not _WRITTEN_AS_IS.fullmatch(value):
        raise NotPlainData("text with line breaks, control characters or over the length")
    if _plain_allowed(value) and _resolves_to_text(value):
        return value
    if "'" in value:  # ruamel's choice: double quotes rather than doubled apostrophes
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "'" + value + "'"


def _flow_text(value: Any) -> str:
    """A string inside a flow list: as in a block, but a plain one may hold no `,[]{}`."""
    if type(value) is not str:
        raise NotPlainData(f"{type(value).__name__} {value!r} in a flow list")
    if value[:1] in ("?", ":"):
        # ruamel writes these plain or quoted depending on more than the text: its writer decides
        raise NotPlainData(f"{value!r} opens with a flow indicator")
    text = _text(value)
    if text != value or not any(char in _FLOW_INDICATORS for char in value[1:]):
        return text
    if "'" in value:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return "'" + value + "'"


_FLOW_INDICATORS = frozenset(",[]{}")


def _plain_allowed(value: str) -> bool:
    """ruamel's `allow_block_plain` (Emitter.analyze_scalar) for one line of printable text."""
    if not value or value[0] == " " or value[-1] == " ":
        return False
    if value.startswith(("---", "...")) or value[0] in _LEADING_INDICATOR:
        return False
    if value[0] in "?:-" and (len(value) == 1 or value[1] == " "):
        return False
    return not (value.endswith(":") or ": " in value[1:] or " #" in value)


def _resolves_to_text(value: str) -> bool:
    """Whether ruamel reads `value`, written plain, back as a string (not a date, number, null...)."""
    return str(_resolver().resolve(ScalarNode, value, (True, False))) == _STR_TAG


@functools.cache
def _resolver() -> Any:
    return YAML(typ="rt").resolver
