"""The `timex` and `serve` commands of the CLI contract."""

from __future__ import annotations

from typer.testing import CliRunner

from storyline.cli import app

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-03-01" temporalFunction="false" functionInDocument="CREATION_TIME">March 1, 2022</TIMEX3></DCT>
<TEXT>The agency said on Saturday that talks would resume next week &amp; last three days.</TEXT>
</TimeML>
"""


def test_timex_tags_files_and_keeps_text(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "demo.tml").write_text(TML)
    (src / "broken.tml").write_text("<TimeML>no text element</TimeML>")
    res = CliRunner().invoke(app, ["timex", str(src), str(out)])
    assert res.exit_code == 0, res.output
    tagged = (out / "demo.tml").read_text()
    assert 'value="2022-02-26"' in tagged and ">Saturday</TIMEX3>" in tagged
    assert 'tid="t0"' in tagged and tagged.count('tid="t0"') == 1
    import re
    assert re.sub(r"</?TIMEX3[^>]*>", "", tagged.split("<TEXT>")[1]) == \
        re.sub(r"</?TIMEX3[^>]*>", "", TML.split("<TEXT>")[1])
    assert "broken.tml" in res.output and "1 of 2 files tagged" in res.output


def test_serve_without_store_is_a_clear_error(tmp_path):
    res = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert res.exit_code == 2
    assert "analyze" in res.output
