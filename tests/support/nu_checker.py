"""The W3C Nu HTML Checker (npm `vnu-jar`, run with the system's Java) on built HTML files.

All files go to one Java process: starting the checker costs seconds, checking a page milliseconds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Message:
    file: Path
    line: int
    kind: str  # "error", "warning" or "info"
    text: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.kind}: {self.text}\n    {self.extract.strip()}"


def available() -> str | None:
    """Why the checker cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "Java is missing (Debian: apt-get install default-jre-headless)"
    if not VNU_JAR.is_file():
        return f"{VNU_JAR} is missing (run `npm ci`)"
    return None


def check(files: list[Path]) -> list[Message]:
    """Every message the checker gives on `files` (HTML documents)."""
    if not files:
        return []
    command = ["java", "-Xss2m", "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always"]
    done = subprocess.run([*command, *map(str, files)], capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the Nu HTML Checker failed ({done.returncode}):\n{done.stderr[-2000:]}")
    messages = []
    for raw in json.loads(done.stdout)["messages"]:
        kind = raw["type"]
        if kind == "info" and raw.get("subType") == "warning":
            kind = "warning"
        elif kind == "non-document-error":
            kind = "error"  # the file could not be read or parsed at all
        url = raw.get("url", "")
        messages.append(
            Message(
                file=Path(unquote(urlsplit(url).path)) if url else Path("?"),
                line=int(raw.get("lastLine", 0)),
                kind=kind,
                text=raw.get("message", ""),
                extract=raw.get("extract", ""),
            )
        )
    return messages


def errors(files: list[Path]) -> list[Message]:
    return [m for m in check(files) if m.kind == "error"]
