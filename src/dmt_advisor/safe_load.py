"""Bounded, strict reading of YAML and JSON written by people (profiles, rule files).

Why not `yaml.safe_load`: it expands alias bombs, recurses until RecursionError, raises
ValueError for impossible dates and 5,000-digit integers, lets the last of two duplicate keys win,
reads yes/no/on/off as booleans (then numbers), and parses JSON as pure-Python YAML. Here every
such input is an `InputError` with a line, a column and a reason, and nothing grows unbounded:

- files are read only when they are regular files, up to a byte limit (a FIFO never blocks us);
- text must be UTF-8 (a BOM is allowed);
- nesting depth is limited while composing, before Python's recursion limit is near;
- aliases are refused (profiles) or the expanded size is bounded (rule files use anchors);
- duplicate keys and keys that are not text are errors;
- only `true`/`false` are booleans (YAML 1.2); dates stay text for pydantic to validate with the
  field path; integers longer than `MAX_DIGITS` digits are refused;
- `.json` files are parsed as JSON (duplicate keys, NaN and Infinity refused).
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, SequenceNode

MAX_DIGITS = 30  # an integer literal longer than this is not a clinical value


class InputError(Exception):
    """Unreadable or malformed text; `where` is `line L, column C` when known."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None) -> None:
        self.reason = reason
        self.line = line
        self.column = column
        super().__init__(f"{self.where}: {reason}" if self.where else reason)

    @property
    def where(self) -> str:
        if self.line is None:
            return ""
        return f"line {self.line}" + (f", column {self.column}" if self.column else "")


def _at(mark: Any) -> dict[str, int]:
    return {"line": mark.line + 1, "column": mark.column + 1} if mark is not None else {}


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, if it is a regular file of at most `max_bytes` (never blocks)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError("is not a regular file (a pipe, device or socket)")
    if info.st_size > max_bytes:
        raise InputError(f"file is {info.st_size:,} bytes; the limit is {max_bytes:,}")
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(f"file is larger than the limit of {max_bytes:,} bytes")
    return data


def decode(data: bytes) -> str:
    """UTF-8 text (with or without a BOM); anything else names the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x}); "
                         "save the file as UTF-8", line) from None


def excerpt(value: Any, limit: int = 60) -> str:
    """A short, bounded repr for error messages (never the whole input)."""
    import reprlib

    short = reprlib.Repr()
    short.maxstring = short.maxother = limit
    short.maxlist = short.maxtuple = short.maxdict = short.maxset = 4
    short.maxlevel = 2
    text = short.repr(value)
    return text if len(text) <= limit + 10 else text[:limit] + "..."


# ---- YAML ----------------------------------------------------------------------------------

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _Resolver(yaml.resolver.Resolver):
    """SafeLoader's implicit types minus YAML 1.1 yes/no/on/off booleans and timestamps."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
              yaml.composer.Composer, yaml.constructor.SafeConstructor, _Resolver):
    max_depth = 32
    allow_aliases = False

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent) and not self.allow_aliases:
            event = self.peek_event()
            raise InputError("YAML aliases (*name) are not allowed here; write the value out",
                             **_at(event.start_mark))
        self._depth += 1
        try:
            if self._depth > self.max_depth:
                raise InputError(f"nested more than {self.max_depth} levels deep",
                                 **_at(self.peek_event().start_mark))
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, "expected a mapping", node.start_mark)
        self.flatten_mapping(node)
        out: dict[Any, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise InputError(f"key {excerpt(key)} is not text; keys are field names",
                                 **_at(key_node.start_mark))
            if key in out:
                raise InputError(f"duplicate key {key!r} (first on line {first_line[key]}); "
                                 "give each field once", **_at(key_node.start_mark))
            first_line[key] = key_node.start_mark.line + 1
            out[key] = self.construct_object(value_node, deep=deep)
        return out

    def construct_yaml_map(self, node: Node) -> Any:
        data: dict[Any, Any] = {}
        yield data
        data.update(self.construct_mapping(node))

    def construct_yaml_int(self, node: Node) -> int:
        text = str(self.construct_scalar(node))
        if sum(ch.isalnum() for ch in text) > MAX_DIGITS:
            raise InputError(f"number has more than {MAX_DIGITS} digits", **_at(node.start_mark))
        return int(super().construct_yaml_int(node))

    def construct_yaml_timestamp(self, node: Node) -> str:
        """Dates stay text: pydantic validates them and names the field."""
        return str(self.construct_scalar(node))

    def construct_yaml_bool(self, node: Node) -> Any:
        text = str(self.construct_scalar(node))
        if not _BOOL.match(text):  # an explicit !!bool yes
            raise InputError(f"{text!r} is not true or false", **_at(node.start_mark))
        return text.lower() == "true"


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_yaml_map)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:bool", _Loader.construct_yaml_bool)


def _expanded_size(root: Node, limit: int) -> None:
    """Refuse alias graphs that expand past `limit` nodes, or refer to themselves."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise InputError("an alias refers to the node that contains it",
                             **_at(node.start_mark))
        active.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        active.discard(key)
        sizes[key] = total
        if total > limit:
            raise InputError(f"expands (through aliases) to more than {limit:,} values",
                             **_at(node.start_mark))
        return total

    size(root)


def load_yaml(text: str, *, allow_aliases: bool = False, max_depth: int = 32,
              max_nodes: int = 200_000) -> Any:
    """One YAML document, strictly and boundedly; raises `InputError` with line and column."""
    loader_cls = type("_BoundLoader", (_Loader,),
                      {"max_depth": max_depth, "allow_aliases": allow_aliases})
    loader = None
    try:
        loader = loader_cls(text)  # the reader refuses unprintable characters here
        node = loader.get_single_node()
        if node is None:
            return None
        if allow_aliases:
            _expanded_size(node, max_nodes)
        return loader.construct_document(node)
    except InputError:
        raise
    except yaml.MarkedYAMLError as exc:
        reason = exc.problem or exc.context or "not valid YAML"
        if isinstance(exc, ComposerError) and "expected a single document" in str(exc.context):
            reason = "more than one YAML document (---); give one profile per file"
        raise InputError(f"not valid YAML: {reason}", **_at(exc.problem_mark)) from None
    except yaml.reader.ReaderError as exc:
        char = exc.character
        char = char if isinstance(char, int) else ord(str(char)[:1] or " ")
        reason = f"character 0x{char:02x} is not allowed in YAML ({exc.reason})"
        raise InputError(reason, exc.position and _line_of(text, exc.position)) from None
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {excerpt(str(exc), 120)}") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a constructor we did not foresee
        raise InputError(f"not valid YAML: {excerpt(str(exc), 120)}") from None
    except RecursionError:
        raise InputError("nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


# ---- JSON ----------------------------------------------------------------------------------

def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InputError(f"duplicate key {key!r}; give each field once")
        out[key] = value
    return out


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise InputError(f"number has more than {MAX_DIGITS} digits")
    return int(text)


def _constant(name: str) -> Any:
    raise InputError(f"{name} is not a number JSON allows")


def _depth(value: Any, max_depth: int) -> None:
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if level > max_depth:
            raise InputError(f"nested more than {max_depth} levels deep")
        if isinstance(item, dict):
            stack += [(v, level + 1) for v in item.values()]
        elif isinstance(item, list):
            stack += [(v, level + 1) for v in item]


def _json_nesting(text: str, max_depth: int) -> None:
    """Refuse deep nesting before parsing (the parser would recurse); strings skipped."""
    level = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        token = match.group()
        if token in "[{":
            level += 1
            if level > max_depth:
                line = text.count("\n", 0, match.start()) + 1
                raise InputError(f"nested more than {max_depth} levels deep", line)
        elif token in "]}":
            level -= 1


def load_json(text: str, *, max_depth: int = 32) -> Any:
    """JSON parsed as JSON: duplicate keys, NaN/Infinity and huge integers refused."""
    _json_nesting(text, max_depth)
    try:
        value = json.loads(text.lstrip("\ufeff"), object_pairs_hook=_pairs, parse_int=_int,
                           parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise InputError("nested too deeply") from None
    _depth(value, max_depth)
    return value
