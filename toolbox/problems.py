"""A problem an editor must fix, located in a file by line and column."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# What must never reach a terminal or CI log raw: control characters (terminal escape codes start
# with ESC), and invisible format characters such as zero-width spaces and bidirectional overrides
# (which can make a message read differently from what it says).
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]|[\U000e0000-\U000e007f]"
)


def visible(text: str) -> str:
    """`text` with every control and invisible character written as <U+XXXX>."""
    return _UNPRINTABLE.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", text)


def quote(value: object, limit: int = 40) -> str:
    """A value as shown in a message: quoted, shortened and with invisible characters named."""
    text = value if isinstance(value, str) else repr(value)
    short = text if len(text) <= limit else text[: limit - 3] + "..."
    return f"'{visible(short)}'" if isinstance(value, str) else visible(short)


def char_name(ch: str) -> str:
    """U+XXXX with a short description, e.g. "U+200B (onzichtbaar teken)"."""
    return f"U+{ord(ch):04X} ({describe(ch)})"


def describe(ch: str) -> str:
    code = ord(ch)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "stuurteken" if code != 0x1B else "stuurteken ESC, begin van een terminalcode"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069 or code in (0x200E, 0x200F, 0x061C):
        return "teken dat de schrijfrichting omdraait"
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return "Cyrillische letter"
    if name.startswith("GREEK"):
        return "Griekse letter"
    if unicodedata.category(ch) in ("Cf", "Zl", "Zp") or _UNPRINTABLE.fullmatch(ch):
        return "onzichtbaar teken"
    return "teken"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based
    col: int  # 1-based
    message: str  # Dutch, for editors

    def __str__(self) -> str:
        return visible(f"{self.path}:{self.line}:{self.col}: {self.message}")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, title: str = "toolbox validate", level: str = "error") -> str:
    """The problem as a GitHub Actions workflow command, so the pull request shows it on its line.

    Escaping as documented for workflow commands: `%`, CR and LF in the message; also `:` and `,`
    in the properties (file, title)."""
    # Escape first (CR and LF become %0D and %0A), then name what is still invisible.
    path, name = visible(_escape_property(problem.path)), visible(_escape_property(title))
    props = f"file={path},line={problem.line},col={problem.col},title={name}"
    return f"::{level} {props}::{visible(_escape_data(problem.message))}"


class ContentError(Exception):
    """Raised when the content has problems; carries every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        n = len(self.problems)
        lines.append(f"{n} {'probleem' if n == 1 else 'problemen'} gevonden.")
        return "\n".join(lines)
