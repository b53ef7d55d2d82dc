"""Round-trip YAML for files people edit: parsing with positions, atomic writes."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import io
import math
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import implicit_resolvers as ruamel_implicit_resolvers
from ruamel.yaml.scalarfloat import ScalarFloat

from generator.errors import ContentError

MAX_YAML_BYTES = 20 * 1024 * 1024


MAX_YAML_NODES = 200_000


_NEEDS_DOUBLE_QUOTES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


_TIMESTAMP = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


class _Representer(RoundTripRepresenter):
    """ruamel's round-trip representer, with strings it would mangle written double-quoted."""


def _represent_str(representer: RoundTripRepresenter, data: str) -> Any:
    # ruamel writes NEL (U+0085) and U+2028/9 raw inside plain or single-quoted scalars, where
    # YAML reads them as line breaks: the value would change on the next load.
    if _NEEDS_DOUBLE_QUOTES.search(data):
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return representer.represent_str(data)


def _represent_scalar_float(representer: RoundTripRepresenter, data: ScalarFloat) -> Any:
    # ruamel re-derives a loaded float's digits from its format and can print the 17th digit
    # differently (2.4354223014450288e-248 came back ...287e-248); keep its layout otherwise ("1.50").
    node = representer.represent_scalar_float(data)
    if _digits(str(node.value)) != _digits(repr(float(data))):
        return representer.represent_float(float(data))
    return node


def _digits(number: str) -> str:
    return re.sub(r"\D", "", re.split("[eE]", number)[0]).strip("0")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.width = 4096  # never fold a quote: a person edits these files, diffs stay line by line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


_READ_CACHE: dict[Path, tuple[Any, Any]] = {}


def read_yaml(path: Path) -> Any:
    """Parse a YAML file for round-trip editing; errors name the file, line and column."""
    text = _read_yaml_text(path)
    try:
        data = _yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise ContentError(path, f"invalid YAML: {error.problem or error.context}", line, column) from error
    except ValueError as error:  # `date: 2025-02-30`: a timestamp that is no calendar day
        line, column = bad_timestamp_position(text) or (None, None)
        raise ContentError(path, f"invalid date: {error}", line, column) from error
    except (YAMLError, RecursionError) as error:
        raise ContentError(path, f"invalid YAML: {error}") from error
    try:
        yaml_node_count(data)
    except ValueError as error:
        raise ContentError(path, str(error)) from error
    return data


def read_yaml_cached(path: Path) -> Any:
    """`read_yaml` for readers that never modify the result: parsed once per file version.

    `timeline check`, the plugin's check and rendering read the same files; under `mkdocs serve`
    an edit re-parses only the file that changed.
    """
    return once_per_version(path, _READ_CACHE, read_yaml)


_VALUES_CACHE: dict[Path, tuple[Any, Any]] = {}


def read_yaml_values(path: Path) -> Any:
    """The plain values of a YAML file, for readers that need no positions: parsed by libyaml.

    Round-trip parsing keeps comments and positions and costs most of a site build; the site needs
    only the values. The values are those of the round-trip reading (YAML 1.2 scalars: `no` and
    `10:30` stay text). Anything the fast parser cannot read goes to `read_yaml`, whose error
    names the line.
    """
    return once_per_version(path, _VALUES_CACHE, _parse_values)


def _parse_values(path: Path) -> Any:
    try:
        return load_yaml_values(_read_yaml_text(path))
    except FastParseError:
        return read_yaml(path)


class FastParseError(Exception):
    """libyaml could not give the values as ruamel reads them; parse again with ruamel for the error."""


def load_yaml_values(text: str) -> Any:
    """The values of YAML `text` as ruamel's safe loader reads them (YAML 1.2 scalars), by libyaml.

    FastParseError for anything it does not read the same way (a syntax error, a duplicate key, a
    value that is no calendar day, a YAML bomb): the caller parses again with ruamel, whose error
    names the line.
    """
    try:
        data = pyyaml.load(text, Loader=_ValuesLoader)
        yaml_node_count(data)
    except (pyyaml.YAMLError, ValueError, TypeError, IndexError, RecursionError) as error:
        raise FastParseError(str(error)) from error
    return data


def once_per_version(
    path: Path,
    cache: dict[Path, tuple[Any, Any]],
    parse: Callable[[Path], Any],
    also: Sequence[Path] = (),
) -> Any:
    """`parse(path)`, kept by the mtime and size of the file (and of `also`, other files the parse
    reads) so that an unchanged file is parsed once; a file that cannot be read goes to `parse`,
    whose error names it."""
    try:
        stamp = tuple(_version(file) for file in (path, *also))
    except OSError:
        return parse(path)
    if stamp[0] is None:
        return parse(path)
    cached = cache.get(path.resolve())
    if cached is not None and cached[0] == stamp:
        return cached[1]
    data = parse(path)
    cache[path.resolve()] = (stamp, data)
    return data


def _version(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return (status.st_mtime_ns, status.st_size)


_FastLoader: Any = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)


class _ValuesLoader(_FastLoader):
    """libyaml's safe loader with YAML 1.2 core scalars, as ruamel reads them."""

    yaml_implicit_resolvers: ClassVar[dict[str | None, list[tuple[str, re.Pattern[str]]]]] = {}

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=True) for key, _ in node.value]
        try:
            duplicate = len(set(keys)) != len(keys)
        except TypeError:  # an unhashable key: ruamel reports it
            duplicate = True
        if duplicate:  # ruamel refuses a duplicate key, so the fast reading must not take the last
            raise pyyaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)
        return dict(super().construct_mapping(node, deep=deep))


# ruamel's own YAML 1.2 patterns, so that what each plain scalar is cannot drift from ruamel's reading
_RUAMEL_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float", "null", "timestamp")}
for _versions, _tag, _pattern, _first in ruamel_implicit_resolvers:
    if (1, 2) in _versions and _tag in _RUAMEL_TAGS:
        _ValuesLoader.add_implicit_resolver(_tag, _pattern, list(_first))


def _sign_and_digits(loader: Any, node: Any, lower: bool = False) -> tuple[int, str]:
    text = loader.construct_scalar(node).replace("_", "")
    text = text.lower() if lower else text
    if text[:1] in ("-", "+"):
        return (-1 if text[0] == "-" else 1), text[1:]
    return 1, text


def _construct_int(loader: Any, node: Any) -> int:
    """As ruamel's YAML 1.2 reading: signed 0b/0o/0x, and 012 is twelve (no octal without 0o)."""
    sign, digits = _sign_and_digits(loader, node)
    base = {"0b": 2, "0o": 8, "0x": 16}.get(digits[:2], 10)
    return sign * int(digits[2:] if base != 10 else digits, base)  # "0x_" is no number: ValueError


def _construct_float(loader: Any, node: Any) -> float:
    sign, digits = _sign_and_digits(loader, node, lower=True)
    if digits == ".nan":
        return math.nan
    return sign * (math.inf if digits == ".inf" else float(digits))  # "._" is no number: ValueError


_ValuesLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_ValuesLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def _read_yaml_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentError(path, f"cannot read the file: {error.strerror}") from error
    if len(data) > MAX_YAML_BYTES:
        raise ContentError(path, f"the file is over {MAX_YAML_BYTES // 2**20} MiB; refusing to parse it")
    if b"\x00" in data[:8192]:
        raise ContentError(path, "the file is binary, not YAML text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError(path, "the file is not UTF-8 text; re-save it as UTF-8", line) from error


def yaml_node_count(data: Any, limit: int = MAX_YAML_NODES) -> int:
    """Values `data` expands to with aliases followed; ValueError for a YAML bomb or a cycle."""
    return _count_nodes(data, {}, set(), limit)


def _count_nodes(node: Any, sizes: dict[int, int], active: set[int], limit: int) -> int:
    if not isinstance(node, dict | list):
        return 1
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in active:
        raise ValueError("a YAML alias refers to a value that contains it (a recursive structure)")
    active.add(key)
    total = 1
    for child in [*node.keys(), *node.values()] if isinstance(node, dict) else node:
        total += _count_nodes(child, sizes, active, limit)
        if total > limit:
            raise ValueError(f"the YAML expands to over {limit} values through aliases (a YAML bomb?)")
    active.discard(key)
    sizes[key] = total
    return total


def bad_timestamp_position(text: str) -> tuple[int, int] | None:
    """(line, column), 1-based, of the first YYYY-MM-DD scalar in `text` that is no calendar day."""
    try:
        root = YAML(typ="rt").compose(text)
    except (YAMLError, RecursionError, ValueError):
        return None
    seen: set[int] = set()
    stack: list[Node] = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode) and not _is_calendar_day(str(node.value)):
            return node.start_mark.line + 1, node.start_mark.column + 1
        if isinstance(node, MappingNode):
            stack += [part for pair in reversed(node.value) for part in reversed(pair)]
        elif isinstance(node, SequenceNode):
            stack += reversed(node.value)
    return None


def _is_calendar_day(value: str) -> bool:
    match = _TIMESTAMP.match(value)
    if not match:
        return True
    try:
        dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return False
    return True


def yaml_position(node: Any, key: Any = None) -> tuple[int | None, int | None]:
    """(line, column), 1-based, of `node` or of its value at `key` (a mapping key or list index)."""
    return _position(node, key)


def yaml_key_position(node: Any, key: Any) -> tuple[int | None, int | None]:
    """(line, column), 1-based, of the key `key` itself in mapping `node`."""
    try:
        line, column = node.lc.key(key)
    except (KeyError, TypeError, AttributeError):
        return _position(node)
    return line + 1, column + 1


def _position(node: Any, key: Any = None) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        line, column = (
            (lc.value(key) if isinstance(node, dict) else lc.item(key))
            if key is not None
            else (lc.line, lc.col)
        )
    except (KeyError, TypeError, AttributeError, IndexError):
        line, column = lc.line, lc.col
    return line + 1, column + 1


@dataclass(slots=True)
class _WriteBatch:
    """Durable writes staged as temporary files, made durable by one sync, then renamed in place."""

    staged: dict[Path, tuple[str, bytes]] = field(default_factory=dict)  # target: (temporary, bytes)

    def commit(self) -> None:
        if not self.staged:
            return
        os.sync()  # one flush for every staged file: a fsync each cost ~4 ms, 1,000s per run
        for path, (temporary, _data) in self.staged.items():
            os.replace(temporary, path)
        for directory in {path.parent for path in self.staged}:
            _fsync_directory(directory)
        self.staged.clear()

    def discard(self) -> None:
        for temporary, _data in self.staged.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        self.staged.clear()


_BATCH: contextvars.ContextVar[_WriteBatch | None] = contextvars.ContextVar("write_batch", default=None)


@contextlib.contextmanager
def batched_writes() -> Iterator[None]:
    """Within the block, durable `write_atomic`s are staged and land together when it ends.

    Each file is still whole or untouched at any moment, and is on disk before it replaces its
    target; only the sync is shared. Reading a staged path (`staged_bytes`) gives its new bytes.
    If the block raises, nothing staged lands.
    """
    batch = _WriteBatch()
    token = _BATCH.set(batch)
    try:
        yield
        batch.commit()
    finally:
        _BATCH.reset(token)
        batch.discard()


def staged_bytes(path: Path) -> bytes | None:
    """The bytes a running `batched_writes` block will give `path`, or None."""
    batch = _BATCH.get()
    staged = batch.staged.get(path) if batch is not None else None
    return staged[1] if staged is not None else None


def write_atomic(path: Path, text: str, durable: bool = True) -> bool:
    """Write `text` to `path` through a temporary file and a rename; False when unchanged.

    `durable=False` skips the fsyncs, for files that are only a cache.
    """
    data = text.encode("utf-8")
    batch = _BATCH.get() if durable else None
    try:
        current = staged_bytes(path) if batch is not None else None
        if (current if current is not None else path.read_bytes()) == data:
            return False
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable and batch is None:
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if batch is not None:
            previous = batch.staged.pop(path, None)
            if previous is not None:
                os.unlink(previous[0])
            batch.staged[path] = (temporary, data)
            return True
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    if durable:
        _fsync_directory(path.parent)
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def dump_yaml(data: Any) -> str:
    """Round-trip YAML text of `data`."""
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


def _has_comments(node: Any) -> bool:
    """Whether a person wrote a comment in (or right after) `node`: then it is not the extractor's alone."""
    if not isinstance(node, CommentedMap | CommentedSeq):
        return False
    if node.ca.comment or any(node.ca.items.values()):
        return True
    children = node.values() if isinstance(node, CommentedMap) else node
    return any(_has_comments(child) for child in children)


def _plain(value: Any) -> Any:
    """ruamel's commented containers as plain lists and dicts, for comparison and JSON."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _flow(names: Sequence[str]) -> CommentedSeq:
    seq = CommentedSeq(names)
    seq.fa.set_flow_style()
    return seq
