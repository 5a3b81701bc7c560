"""Only real records are read: links out of content/, pipes, folders and wrong encodings are refused.

Issue 15: a record file that was a symlink (to a system file, or to a record outside the repository)
was followed, and for a non-YAML target its lines were printed in the error output (and so in CI
logs); UTF-16 without a byte-order mark was reported as a NUL character.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.conftest import run_toolbox

SECRET = "GEHEIM-c0ffee-4711"
CASES = "content/cases"


def messages_at(output: str, rel: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.startswith(f"{rel}:1:1: ")]


def test_a_symlink_to_a_system_file_is_refused_without_quoting_it(repo: Path) -> None:
    (repo / CASES / "wachtwoorden.yaml").symlink_to("/etc/passwd")
    result = run_toolbox(repo, "validate")
    assert result.returncode == 1
    assert any("symbolische link" in m for m in messages_at(result.stderr, f"{CASES}/wachtwoorden.yaml")), result.stderr
    assert "root:" not in result.stdout + result.stderr


def test_a_symlink_to_a_record_outside_the_repository_is_refused(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elders.yaml"
    outside.write_text(f"id: geheim\ntitle: {SECRET}\nonbekend: {SECRET}\n", encoding="utf-8")
    (repo / CASES / "geheim.yaml").symlink_to(outside)
    result = run_toolbox(repo, "validate")
    assert any("buiten content/" in m for m in messages_at(result.stderr, f"{CASES}/geheim.yaml")), result.stderr
    assert SECRET not in result.stdout + result.stderr


def test_a_symlink_to_a_non_record_inside_the_repository_is_refused(repo: Path) -> None:
    (repo / "NOTES.md").write_text(f"# Notities\n\n- {SECRET}: nee\n", encoding="utf-8")
    (repo / CASES / "notities.yaml").symlink_to("../../NOTES.md")
    result = run_toolbox(repo, "validate")
    assert messages_at(result.stderr, f"{CASES}/notities.yaml"), result.stderr
    assert SECRET not in result.stdout + result.stderr


def test_a_symlinked_content_folder_is_refused(repo: Path, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere"
    (repo / "content").rename(moved)
    (repo / "content").symlink_to(moved)
    result = run_toolbox(repo, "validate")
    assert result.returncode == 1 and "symbolische link" in result.stderr, result.stderr


def test_a_symlink_between_records_inside_content_is_read(repo: Path) -> None:
    (repo / CASES / "escaperoom-hanze.yaml").rename(repo / "content" / "escaperoom.yaml.txt")
    (repo / CASES / "escaperoom-hanze.yaml").symlink_to("../escaperoom.yaml.txt")
    assert run_toolbox(repo, "validate").returncode == 0


def test_a_named_pipe_neither_hangs_nor_passes(repo: Path) -> None:
    os.mkfifo(repo / CASES / "pijp.yaml")
    started = time.perf_counter()
    result = run_toolbox(repo, "validate", timeout=20)
    assert time.perf_counter() - started < 10
    assert any("geen gewoon bestand" in m for m in messages_at(result.stderr, f"{CASES}/pijp.yaml")), result.stderr


def test_a_symlink_loop_is_a_dutch_message(repo: Path) -> None:
    (repo / CASES / "lus.yaml").symlink_to("lus.yaml")
    result = run_toolbox(repo, "validate")
    assert messages_at(result.stderr, f"{CASES}/lus.yaml"), result.stderr
    assert "Traceback" not in result.stderr and "Too many levels" not in result.stderr


def test_a_folder_with_a_record_name_is_not_a_missing_file(repo: Path) -> None:
    (repo / CASES / "map.yaml").mkdir()
    result = run_toolbox(repo, "validate")
    assert any("geen gewoon bestand maar een map" in m for m in messages_at(result.stderr, f"{CASES}/map.yaml"))


def test_utf16_and_utf32_are_named(repo: Path) -> None:
    rel = f"{CASES}/escaperoom-hanze.yaml"
    text = (repo / rel).read_text(encoding="utf-8")
    for encoding, name in [
        ("utf-16-le", "UTF-16 (zonder byte-order mark)"),
        ("utf-16-be", "UTF-16 (zonder byte-order mark)"),
        ("utf-16", "UTF-16"),
        ("utf-32-le", "UTF-32 (zonder byte-order mark)"),
        ("utf-32", "UTF-32"),
    ]:
        (repo / rel).write_bytes(text.encode(encoding))
        result = run_toolbox(repo, "validate")
        found = messages_at(result.stderr, rel)
        assert any(f"opgeslagen als {name}" in m for m in found), (encoding, result.stderr)
        assert "U+0000" not in result.stderr
