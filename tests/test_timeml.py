"""Tests of the TempEval-3 TimeML front end (``storyline timex``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.time.timeml import creation_time, tag_directory, tag_timeml, text_of

HEAD = ('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-10" temporalFunction="false" '
        'functionInDocument="CREATION_TIME">19980310</TIMEX3></DCT>\n<TITLE>A &amp; B</TITLE>\n')


def doc(text: str, head: str = HEAD) -> str:
    return f"{head}<TEXT>\n{text}\n</TEXT>\n</TimeML>\n"


def strip_inserted(content: str) -> str:
    return re.sub(r'<TIMEX3 tid="t\d+" type="[A-Z]+" value="[^"]*">|</TIMEX3>(?![^<]*</DCT>)',
                  "", content)


def test_dct_is_read() -> None:
    assert str(creation_time(doc("x"))) == "1998-03-10"
    assert creation_time("<TimeML><TEXT>x</TEXT></TimeML>") is None


def test_tags_are_inserted_and_text_kept() -> None:
    src = doc("Smith &amp; Sons said on Monday that sales rose 5% in the last three months.")
    out = tag_timeml(src)
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-03-09">Monday</TIMEX3>' in out
    assert 'type="DURATION" value="P3M">the last three months</TIMEX3>' in out
    assert "Smith &amp; Sons" in out  # entities kept as they were, nothing re-escaped
    assert out.count('tid="t0"') == 1  # the DCT's id is not reused
    # everything outside the inserted tags is byte for byte the input
    assert strip_inserted(out) == src


def test_offsets_after_entities_map_back() -> None:
    src = doc("AT&amp;T &lt;said&gt; &#8220;yesterday&#8221; it would expand.")
    out = tag_timeml(src)
    assert ">yesterday</TIMEX3>&#8221;" in out
    assert strip_inserted(out) == src
    assert text_of(src).startswith("\nAT&T <said> \u201cyesterday")


def test_existing_tags_in_text_are_kept() -> None:
    src = doc('He <EVENT eid="e1">left</EVENT> on Friday.')
    out = tag_timeml(src)
    assert '<EVENT eid="e1">left</EVENT> on <TIMEX3' in out
    assert strip_inserted(out) == src


def test_tids_skip_used_ones() -> None:
    head = HEAD.replace('tid="t0"', 'tid="t1"')
    out = tag_timeml(doc("It rained on Friday and on Sunday.", head))
    assert re.findall(r'tid="(t\d+)"', out) == ["t1", "t2", "t3"]


def test_crlf_and_unicode_survive(tmp_path: Path) -> None:
    src = doc("Le caf\u00e9 ferme le 5 March 2022.\r\nIt reopened on Monday.\r\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.tml").write_bytes(src.encode("utf-8"))
    (tmp_path / "in" / "bad.tml").write_bytes(b"\xff\xfe not utf-8")
    (tmp_path / "in" / "notext.tml").write_text("<TimeML></TimeML>", encoding="utf-8")
    results = dict(tag_directory(tmp_path / "in", tmp_path / "out"))
    assert results["a.tml"] is None
    assert results["bad.tml"] is not None and results["notext.tml"] is not None
    out = (tmp_path / "out" / "a.tml").read_bytes().decode("utf-8")
    assert "\r\n" in out and strip_inserted(out) == src
    assert ">5 March 2022</TIMEX3>" in out
    # an existing output folder is fine
    assert dict(tag_directory(tmp_path / "in", tmp_path / "out"))["a.tml"] is None


def test_no_text_element_raises() -> None:
    with pytest.raises(ValueError):
        tag_timeml("<TimeML><DOCID>x</DOCID></TimeML>")
