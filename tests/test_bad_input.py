"""Bad input never raises and never stops a batch: each problem is a clear IngestError."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from storyline.ingest import DEFAULT_MAX_BYTES, IngestError, read_file, read_paths
from storyline.model import RawArticle

GOOD = "The ferry service resumed on Friday after a week of repairs.\n"


def _one_error(path: Path, **kwargs: int) -> IngestError:
    arts, errors = read_file(path, path.name, **kwargs)
    assert arts == []
    assert len(errors) == 1, errors
    err = errors[0]
    assert str(path) in err.origin  # names the file
    assert err.message and err.hint  # says what went wrong and what to do
    return err


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    err = _one_error(path)
    assert "binary" in err.message


def test_control_characters_without_nul(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(1, 9)) * 200)
    err = _one_error(path)
    assert "binary" in err.message or "decode" in err.message


def test_empty_and_blank_files(tmp_path: Path) -> None:
    for name, data in (("empty.txt", b""), ("blank.txt", b"  \n\n\t "), ("empty.html", b""),
                       ("empty.jsonl", b"\n\n"), ("empty.json", b"")):
        path = tmp_path / name
        path.write_bytes(data)
        err = _one_error(path)
        assert "empty" in err.message or "whitespace" in err.message or "no JSON" in err.message


def test_big_file_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # 50 MB of text
        block = (GOOD * 1000).encode()
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)
    tracemalloc.start()
    try:
        err = _one_error(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024  # the file was never read into memory
    assert "size limit" in err.message
    assert f"{DEFAULT_MAX_BYTES / 1e6:.1f} MB" in err.message
    assert "max_bytes" in err.hint
    # raising the limit reads it
    arts, errors = read_file(path, path.name, max_bytes=60 * 1024 * 1024)
    assert errors == [] and len(arts) == 1


def test_latin1_and_utf16_text(tmp_path: Path) -> None:
    text = ("Le maire a déclaré que la fête du village aura lieu à l'église, "
            "même si la météo reste très incertaine cette année.\n")
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    (tmp_path / "utf16le.txt").write_bytes(text.encode("utf-16-le"))  # no BOM
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))  # with BOM
    for name in ("latin1.txt", "utf16le.txt", "utf16.txt"):
        arts, errors = read_file(tmp_path / name, name)
        assert errors == [], name
        assert arts[0].text == text, name


def test_broken_bom(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "caf\u00e9".encode("latin-1") + b" \xff\xfe\xfd")
    err = _one_error(path)
    assert "utf-8" in err.message.lower() and "UTF-8" in err.hint


def test_broken_html(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><<<><div <script>var x = 1;</script></di")
    err = _one_error(path)
    assert "HTML" in err.message
    # truncated but readable HTML is still an article
    ok = tmp_path / "truncated.html"
    ok.write_text("<html><body><p>The council approved the new budget on Monday after a long"
                  " debate about the harbour<p>Work starts in")
    arts, errors = read_file(ok, ok.name)
    assert errors == [] and len(arts) == 1


def test_malformed_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel><title>Broken</title><item><title>Half an item</ti")
    err = _one_error(path)
    assert "feed" in err.message.lower()
    other = tmp_path / "notafeed.xml"
    other.write_text("<?xml version='1.0'?><config><value>3</value></config>")
    err = _one_error(other)
    assert "feed" in err.message.lower()


def test_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "An article", "title": ')
    err = _one_error(path)
    assert "malformed JSON" in err.message and "line 1" in err.message
    path.write_text('"just a string"')
    err = _one_error(path)
    assert "object" in err.message


def test_bad_json_line_is_an_error_for_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    lines = [json.dumps({"id": "a", "text": "First story."}),
             '{"id": "b", "text": "unterminated',
             json.dumps({"id": "c", "title": "no body"}),
             json.dumps(["not", "an", "object"]),
             json.dumps({"id": "e", "text": "Fifth story."})]
    path.write_text("\n".join(lines) + "\n")
    arts, errors = read_file(path, path.name)
    assert [a.id for a in arts] == ["lines.jsonl#a", "lines.jsonl#e"]
    assert [e.origin for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "malformed JSON on line 2" in errors[0].message
    assert "'text' or 'html'" in errors[1].message


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl.gz"
    data = gzip.compress((json.dumps({"text": "Story one."}) + "\n").encode() * 50)
    path.write_bytes(data[: len(data) // 2])  # truncated archive
    arts, errors = read_file(path, path.name)
    assert errors and "damaged or truncated" in errors[-1].message
    path.write_bytes(b"this is not gzip at all")
    arts, errors = read_file(path, path.name)
    assert arts == [] and len(errors) == 1


def test_bad_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a warc record\r\n\r\n" * 3)
    err = _one_error(path)
    assert "WARC" in err.message


def test_unknown_extension_is_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK\x03\x04")
    err = _one_error(path)
    assert err.level == "notice" and "unknown file type" in err.message
    assert ".txt" in err.hint


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions are not enforced")
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    path.chmod(0)
    err = _one_error(path)
    assert "cannot read" in err.message


def test_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "0_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "1_empty.txt").write_bytes(b"")
    (tmp_path / "2_good.txt").write_text(GOOD)
    (tmp_path / "3_feed.xml").write_text("<rss><channel><item>")
    (tmp_path / "4_bad.json").write_text("{oops}")
    (tmp_path / "5_huge.txt").write_bytes(b"x" * 2000)
    (tmp_path / "6_good.jsonl").write_text(json.dumps({"text": GOOD}) + "\n{bad line\n")
    items = list(read_paths([tmp_path], max_bytes=1000))
    arts = [x for x in items if isinstance(x, RawArticle)]
    errors = [x for x in items if isinstance(x, IngestError)]
    assert [a.id for a in arts] == ["2_good.txt", "6_good.jsonl#1"]
    named = {Path(e.origin.split(":")[0].split("#")[0]).name for e in errors}
    assert named == {"0_binary.txt", "1_empty.txt", "3_feed.xml", "4_bad.json", "5_huge.txt",
                     "6_good.jsonl"}
    assert all(str(e) for e in errors)
