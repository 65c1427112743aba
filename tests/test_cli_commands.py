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


def test_tls_writes_contract_timeline(tmp_path):
    import gzip
    import json

    lines = [
        {"id": "a1", "time": "2021-05-03T00:00:00", "title": None,
         "text": "The dam near Ortega broke on May 2 , 2021 .\nVillages were evacuated ."},
        {"id": "a2", "time": "2021-05-04T00:00:00", "title": None,
         "text": "On May 2 , 2021 the Ortega dam failed after heavy rain .\nRepairs began ."},
        {"id": "a3", "time": "2021-05-10T00:00:00", "title": None,
         "text": "Engineers said on May 9 , 2021 that the Ortega dam would be rebuilt ."},
    ]
    src = tmp_path / "a.jsonl.gz"
    with gzip.open(src, "wt") as fh:
        fh.write("\n".join(json.dumps(x) for x in lines) + "\n")
    out = tmp_path / "t.json"
    res = CliRunner().invoke(app, ["tls", str(src), "--dates", "2", "--sentences", "1",
                                   "--out", str(out)])
    assert res.exit_code == 0, res.output
    timeline = json.loads(out.read_text())
    assert 1 <= len(timeline) <= 2
    assert timeline[0][0] == "2021-05-02"
    texts = {line for x in lines for line in x["text"].split("\n")}
    for _date, sents in timeline:
        assert len(sents) <= 1 and all(s in texts for s in sents)
