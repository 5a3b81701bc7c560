"""The test server compresses text like a web host, and only for clients that accept gzip."""

from __future__ import annotations

import gzip
import http.client
import urllib.parse
from pathlib import Path

import pytest

from tests.support.gzip_server import accepts_gzip, serve

HTML = ("<!doctype html><title>t</title>" + "<p>sociale binding en welzijn</p>" * 200).encode()
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "pagina").mkdir()
    (tmp_path / "pagina" / "index.html").write_bytes(HTML)
    (tmp_path / "plaatje.png").write_bytes(PNG)
    return tmp_path


def get(url: str, path: str, accept: str | None) -> tuple[int, dict[str, str], bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port)
    headers = {"Accept-Encoding": accept} if accept is not None else {}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_html_is_gzipped_for_a_browser(folder: Path) -> None:
    with serve(folder) as url:
        status, headers, body = get(url, "/pagina/", "gzip, deflate, br")
    assert status == 200
    assert headers["content-encoding"] == "gzip"
    assert headers["content-type"].startswith("text/html")
    assert int(headers["content-length"]) == len(body) < len(HTML) / 5
    assert gzip.decompress(body) == HTML
    assert "Accept-Encoding" in headers["vary"]


@pytest.mark.parametrize("accept", [None, "identity", "br", "gzip;q=0", "*;q=0"])
def test_no_gzip_unless_the_client_accepts_it(folder: Path, accept: str | None) -> None:
    with serve(folder) as url:
        status, headers, body = get(url, "/pagina/index.html", accept)
    assert status == 200
    assert "content-encoding" not in headers
    assert body == HTML


def test_binary_files_are_sent_as_they_are(folder: Path) -> None:
    with serve(folder) as url:
        _, headers, body = get(url, "/plaatje.png", "gzip")
    assert "content-encoding" not in headers
    assert body == PNG


def test_folder_without_slash_redirects_and_missing_file_is_404(folder: Path) -> None:
    with serve(folder) as url:
        status, headers, _ = get(url, "/pagina", "gzip")
        missing, _, _ = get(url, "/nergens/", "gzip")
    assert status == 301
    assert headers["location"] == "/pagina/"
    assert missing == 404


def test_an_edited_file_is_compressed_again(folder: Path) -> None:
    with serve(folder) as url:
        get(url, "/pagina/", "gzip")
        (folder / "pagina" / "index.html").write_bytes(HTML + b"<p>nieuw</p>")
        _, _, body = get(url, "/pagina/", "gzip")
    assert gzip.decompress(body).endswith(b"<p>nieuw</p>")


def test_accept_encoding_parsing() -> None:
    assert accepts_gzip("gzip")
    assert accepts_gzip("deflate, gzip;q=0.5")
    assert accepts_gzip("*")
    assert not accepts_gzip("*, gzip;q=0")
    assert not accepts_gzip("")
    assert not accepts_gzip("deflate")
