"""Read YAML files safely, keeping the line and column of every value.

PyYAML would silently keep the last of two duplicate keys, construct Python objects
from tags, and expand alias bombs. We let libyaml (CSafeLoader, ~20x faster than the
pure-Python loader) compose the node tree and build plain Python data ourselves, so
that each of those cases becomes a clear problem for the editor instead.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

from toolbox.problems import Problem, quote

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - libyaml missing: slower but identical
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40

Loc = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
# Plain (unquoted, untagged) scalars get this tag from the loader and are typed by `_plain`.
_PLAIN = "tag:toolbox,2025:plain"
_SCALAR_NAMES = {_TAG + "int": "geheel getal", _TAG + "float": "getal", _TAG + "bool": "ja/nee", _TAG + "null": "leeg"}


class _Loader(_SafeLoader):
    """libyaml's parser and composer, but without PyYAML's YAML 1.1 typing of plain scalars.

    YAML 1.1 turns `on`/`yes` into booleans, `010` into 8 and `1:30` into 90. Plain scalars
    are typed here by the YAML 1.2 core schema instead, the rules editors' tools follow.
    """

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            return _PLAIN
        return str(super().resolve(kind, value, implicit))


# The YAML 1.2 core schema (YAML 1.2.2, section 10.3.2), one pattern per type.
_CORE = {
    _TAG + "null": re.compile(r"null|Null|NULL|~|"),
    _TAG + "bool": re.compile(r"true|True|TRUE|false|False|FALSE"),
    _TAG + "int": re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"),
    _TAG + "float": re.compile(
        r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"
    ),
}


def _core_value(tag: str, text: str) -> Any:
    """The value of `text` as the core type `tag`; ValueError when it is not written that way."""
    if not _CORE[tag].fullmatch(text):
        raise ValueError(text)
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return text.lower() == "true"
    if tag == _TAG + "int":
        if text.startswith(("0o", "0x")):
            return int(text[2:], 8 if text[1] == "o" else 16)
        return int(text)  # ValueError beyond Python's limit of 4,300 digits
    lowered = text.lower()
    if lowered.endswith((".inf", ".nan")):
        return float(lowered.replace(".", ""))
    return float(text)


def _plain(text: str) -> Any:
    """A plain scalar typed by the YAML 1.2 core schema; anything else is text."""
    for tag in (_TAG + "null", _TAG + "bool", _TAG + "int", _TAG + "float"):
        if _CORE[tag].fullmatch(text):
            return _core_value(tag, text)
    return text


def shown_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


@dataclass
class YamlFile:
    """The data of one YAML file with the position of every value and key."""

    path: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of `loc`, or of its nearest enclosing value that has one."""
        loc = tuple(loc)
        if key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        line, col = self.locate(loc, key=key)
        return Problem(self.path, line, col, message)


class _Invalid(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        self.line = node.start_mark.line + 1
        self.col = node.start_mark.column + 1
        self.message = message


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Read a record file as UTF-8 text (a byte-order mark is allowed).

    Only real records are read: a symbolic link that leads out of the record's folder (to a system
    file, or to a file elsewhere in or outside the repository) and anything that is not a regular
    file are refused before a byte is read, so no message can quote a file that is not a record.
    """
    if (refused := _not_a_record(path, rel)) is not None:
        return None, [Problem(rel, 1, 1, refused)]
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; fstat below refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        return None, [Problem(rel, 1, 1, f"bestand kan niet worden gelezen ({os_reason(exc)})")]
    try:
        kind = os.fstat(fd).st_mode
        if not stat.S_ISREG(kind):
            return None, [
                Problem(
                    rel, 1, 1, f"is geen gewoon bestand maar {_file_kind(kind)}; alleen YAML-bestanden zijn records"
                )
            ]
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [Problem(rel, 1, 1, f"bestand kan niet worden gelezen ({os_reason(exc)})")]
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        size = os.stat(path).st_size
        return None, [Problem(rel, 1, 1, f"bestand is te groot ({size // 1024} KB; maximaal {MAX_BYTES // 1024} KB)")]
    if (encoding := _wide_encoding(raw)) is not None:
        return None, [Problem(rel, 1, 1, f"bestand is opgeslagen als {encoding}, niet als UTF-8; sla het op als UTF-8")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(rel, line, col, "bestand is geen geldige UTF-8-tekst; sla het op als UTF-8")]
    return text.replace("\r\n", "\n"), []


def _not_a_record(path: Path, rel: str) -> str | None:
    """Why `path` must not be read, or None. `rel` is its path below the repository root."""
    parts = Path(rel).parts
    root = path.parents[len(parts) - 1] if len(parts) > 1 else path.parent
    # The real file must lie in the record's top folder (content/) of this repository, reached
    # without leaving it: a symlinked content/ or a link to ../../README.md is refused as well.
    top = Path(os.path.realpath(root)) / parts[0] if len(parts) > 1 else Path(os.path.realpath(root))
    real = Path(os.path.realpath(path))
    if real != top and top not in real.parents:
        where = f"{parts[0]}/" if len(parts) > 1 else "de repository"
        return f"is een symbolische link naar een bestand buiten {where}; zo'n bestand wordt niet gelezen (zet het record zelf hier neer)"
    return None


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISFIFO(mode):
        return "een pijp (named pipe)"
    if stat.S_ISSOCK(mode):
        return "een socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaat"
    return "iets anders"


_OS_REASONS = {
    errno.ENOENT: "het bestaat niet (of de symbolische link wijst naar niets)",
    errno.EACCES: "geen leesrechten",
    errno.EPERM: "geen toestemming",
    errno.ELOOP: "de symbolische link verwijst naar zichzelf",
    errno.EISDIR: "het is een map",
    errno.EIO: "leesfout van de schijf",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EMFILE: "te veel open bestanden",
}


def os_reason(exc: OSError) -> str:
    """A Dutch reason for a file-system error (the system's own text is English)."""
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    name = errno.errorcode.get(exc.errno or 0, "onbekend")
    return f"systeemfout {name}"


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-16 ...' or 'UTF-32 ...' when the bytes are text in such an encoding, else None."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if raw.startswith(bom):
            return name
    head = raw[:4096]
    if len(head) < 4 or b"\0" not in head:
        return None
    # Latin text in UTF-16 has a NUL in every other byte, in UTF-32 in three of every four bytes.
    nul = [head[i::4].count(0) / len(head[i::4]) for i in range(4)]
    if sum(f > 0.6 for f in nul) == 3 and sum(f < 0.2 for f in nul) == 1:
        return "UTF-32 (zonder byte-order mark)"
    if (nul[1] > 0.3 and nul[3] > 0.3 and nul[0] < 0.1 and nul[2] < 0.1) or (
        nul[0] > 0.3 and nul[2] > 0.3 and nul[1] < 0.1 and nul[3] < 0.1
    ):
        return "UTF-16 (zonder byte-order mark)"
    return None


def parse_yaml(text: str, rel: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse YAML text into a YamlFile, or return the problems that prevent it."""
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [Problem(rel, 1, 1, "bestand is leeg")]
    try:
        # libyaml's composer recurses in C and crashes the process on very deep input, so
        # suspiciously deep text is first measured on the (iterative) event stream.
        if (deep := _too_deep(text)) is not None:
            return None, [Problem(rel, *deep, f"gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)")]
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, rel)]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return None, [
            Problem(rel, line, col, f"teken U+{exc.character:04X} is niet toegestaan (stuurteken); verwijder het")
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(rel, 1, 1, f"YAML-syntaxfout: {exc}")]
    except RecursionError:
        return None, [Problem(rel, 1, 1, f"gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)")]
    if node is None:
        return None, [Problem(rel, 1, 1, "bestand is leeg")]
    doc = YamlFile(rel, None)
    try:
        doc.data = _build(node, (), doc, set(), 0)
    except _Invalid as exc:
        return None, [Problem(rel, exc.line, exc.col, exc.message)]
    return doc, []


def read_yaml(path: Path, rel: str) -> tuple[YamlFile | None, list[Problem]]:
    """Read and parse one record file (`rel`: its path below the repository root)."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    return parse_yaml(text, rel)


_BRACKETS = re.compile(r"[^\[\]{}]+")
_BLOCK_PREFIX = re.compile(r"^[ \t]*(?:[-?:][ \t]+)*", re.MULTILINE)
_KEY_ON_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)*([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|$)")


def _too_deep(text: str) -> tuple[int, int] | None:
    """Line and column where nesting exceeds MAX_DEPTH, or None; cheap unless the text may be deep."""
    flow = max(accumulate(1 if c in "[{" else -1 for c in _BRACKETS.sub("", text)), default=0)
    block = max(map(len, _BLOCK_PREFIX.findall(text)), default=0)
    if flow + block <= MAX_DEPTH:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
            if depth > MAX_DEPTH + 1 and (mark := event.start_mark) is not None:  # the root is level 0 in `_build`
                return mark.line + 1, mark.column + 1
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1
    return None


# libyaml (CSafeLoader) and PyYAML's pure-Python parser word some problems differently.
_SYNTAX = {
    "mapping values are not allowed": "dubbele punt op een onverwachte plek; klopt de inspringing, of staat er tekst met ': ' zonder aanhalingstekens?",
    "could not find expected ':'": "dubbele punt (':') ontbreekt na een veldnaam",
    "found unexpected end of stream": "tekst tussen aanhalingstekens wordt niet afgesloten; het afsluitende aanhalingsteken ontbreekt",
    "did not find expected ',' or ']'": "lijst tussen [ ] wordt niet afgesloten met ']' (of er ontbreekt een komma)",
    "did not find expected ',' or '}'": "groep tussen { } wordt niet afgesloten met '}' (of er ontbreekt een komma)",
    "did not find expected key": "inspringing klopt niet: verwacht een nieuw veld op dit niveau",
    "did not find expected '-' indicator": "inspringing klopt niet: verwacht een lijstitem ('- ')",
    "did not find expected node content": "waarde ontbreekt of begint met een teken dat niet mag; zet de tekst tussen aanhalingstekens",
    "found undefined alias": "YAML-verwijzingen (*) zijn niet toegestaan",
    "found character that cannot start any token": "teken dat hier niet mag staan; zet de tekst tussen aanhalingstekens",
    "found unknown escape character": "onbekende escape met '\\' tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens of schrijf '\\\\'",
    "found invalid Unicode character escape code": "ongeldige Unicode-escape tussen dubbele aanhalingstekens",
    "found another document": "bestand mag maar één YAML-document bevatten (verwijder '---')",
    "expected a single document in the stream": "bestand mag maar één YAML-document bevatten (verwijder '---')",
    "duplicate %YAML directive": "dubbele %YAML-regel; verwijder hem",
}
# For these the place where the construct started helps more than where the parser gave up.
_REPORT_AT_START = ("found unexpected end of stream", "did not find expected ',' or")


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, rel: str) -> Problem:
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and any(p in problem for p in _REPORT_AT_START):
        mark = exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    key = _KEY_ON_LINE.match(bad_line)
    where = f" (bij veld '{key.group(1)}')" if key else ""
    if "\t" in problem or "\\t" in problem or "\t" in bad_line[: max(col, 1)]:
        return Problem(rel, line, col, f"tab gevonden{where}; gebruik spaties om in te springen, geen tabs")
    if "maximum nesting depth" in problem or "maximum nesting depth" in context:
        # libyaml 0.2.5 in PyYAML 6.0.4 has its own depth limit, reached while scanning flow collections.
        return Problem(rel, line, col, f"gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)")
    if "duplicate anchor" in problem or "duplicate anchor" in context:
        return Problem(rel, line, col, "YAML-ankers (&) zijn niet toegestaan")
    for english, dutch in _SYNTAX.items():
        if english in problem or (not problem and english in context):
            return Problem(rel, line, col, f"YAML-syntaxfout{where}: {dutch}")
    return Problem(rel, line, col, f"YAML-syntaxfout{where}: onbekende fout ({problem or context})")


def _build(node: yaml.Node, loc: Loc, doc: YamlFile, seen: set[int], depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _Invalid(node, f"gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)")
    if id(node) in seen:
        raise _Invalid(node, "YAML-ankers en -verwijzingen (&, *) zijn niet toegestaan; schrijf de waarde uit")
    seen.add(id(node))
    doc.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        if node.tag != _TAG + "map":
            raise _Invalid(node, _tag_refused(node.tag))
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge" or (key_node.tag == _PLAIN and key_node.value == "<<"):
                raise _Invalid(
                    key_node, "samenvoegen met '<<' en YAML-verwijzingen zijn niet toegestaan; schrijf de velden uit"
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Invalid(key_node, "een veldnaam moet gewone tekst zijn")
            if key_node.tag not in (_PLAIN, _TAG + "str"):
                raise _Invalid(key_node, _tag_refused(key_node.tag))
            key = str(key_node.value)
            if key in first_seen:
                raise _Invalid(
                    key_node,
                    f"veld '{key}' staat dubbel (ook op regel {first_seen[key]}); de ene waarde zou de andere overschrijven",
                )
            first_seen[key] = key_node.start_mark.line + 1
            doc.keys[loc + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(value_node, loc + (key,), doc, seen, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _TAG + "seq":
            raise _Invalid(node, _tag_refused(node.tag))
        return [_build(item, loc + (i,), doc, seen, depth + 1) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    tag = node.tag
    try:
        if tag == _PLAIN:
            tag = _TAG + "int"  # the one core type whose conversion can fail (5,000 digits)
            return _plain(node.value)
        if tag == _TAG + "str":
            return str(node.value)
        if tag in _CORE:
            return _core_value(tag, node.value)
    except ValueError:  # `!!int abc`, `!!int` alone, `!!bool yes`, a number of 5,000 digits
        raise _Invalid(
            node, f"waarde {quote(node.value, 30)} kan niet als {_SCALAR_NAMES.get(tag, 'waarde')} worden gelezen"
        ) from None
    raise _Invalid(node, _tag_refused(node.tag))


def _tag_refused(tag: str) -> str:
    return (
        f"YAML-tag {quote(shown_tag(tag), 60)} is niet toegestaan; "
        "gebruik alleen !!str, !!int, !!float, !!bool of !!null, of geen tag"
    )
