"""A batch with bad files: each gets a clear message, the rest is analysed, nothing is lost."""

from __future__ import annotations

import gzip
import json

from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import SQLiteStore

GOOD = (
    "Ministers meet to discuss the port\n\n"
    "date 2021-05-04 The transport minister, Ana Lopes, said on Monday that the port authority "
    "would close the northern terminal next month. \"We cannot keep it open safely,\" Lopes "
    "told reporters in Lisbon.\n"
)


def test_bad_files_reported_rest_analysed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (folder / "empty.txt").write_text("")
    (folder / "broken.html").write_text("<html><body><p>Unclosed <div><<<<")
    (folder / "feed.xml").write_text("<rss><channel><item><title>oops")
    with gzip.open(folder / "lines.jsonl.gz", "wt") as fh:
        fh.write('{"id": "x1", "text": "The council voted on Tuesday to approve the budget."}\n')
        fh.write("{not json\n")
    db = tmp_path / "s.db"
    out = tmp_path / "r.json"
    runner = CliRunner()
    res = runner.invoke(app, ["analyze", str(folder), "--out", str(out), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    report = json.loads(out.read_text())
    ids = {d["id"] for d in report["documents"]}
    assert "good.txt" in ids and any(i.startswith("lines.jsonl.gz") for i in ids)
    for name in ("binary.txt", "empty.txt", "feed.xml"):
        assert name in res.output, (name, res.output)
    good = next(d for d in report["documents"] if d["id"] == "good.txt")
    assert good["published"] == "2021-05-04"

    # a second, partly failing batch loses nothing already stored
    (folder / "good.txt").write_text(GOOD)  # unchanged
    (folder / "binary.txt").write_bytes(b"\x00\x01" * 1000)
    res2 = runner.invoke(app, ["analyze", str(folder), "--out", str(out), "--db", str(db), "-q"])
    assert res2.exit_code == 0, res2.output
    with SQLiteStore(db) as store:
        assert store.get_document("good.txt") is not None
        assert store.get_analysis("good.txt") is not None


def test_missing_path_is_an_error(tmp_path):
    res = CliRunner().invoke(app, ["analyze", str(tmp_path / "nope"), "--out",
                                   str(tmp_path / "r.json"), "--db", str(tmp_path / "s.db")])
    assert res.exit_code == 2
    assert "no such file or folder" in res.output


def test_nothing_readable_exits_nonzero(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    res = CliRunner().invoke(app, ["analyze", str(tmp_path / "empty.txt"), "--out",
                                   str(tmp_path / "r.json"), "--db", str(tmp_path / "s.db")])
    assert res.exit_code == 1
    assert "no article could be read" in res.output


def test_size_limit_is_a_cli_option(tmp_path):
    (tmp_path / "big.txt").write_text(GOOD * 200)  # about 60 kB
    args = ["analyze", str(tmp_path / "big.txt"), "--out", str(tmp_path / "r.json"),
            "--db", str(tmp_path / "s.db"), "-q"]
    res = CliRunner().invoke(app, [*args, "--max-mb", "0.01"])
    assert res.exit_code == 1 and "over the size limit" in res.output
    assert "--max-mb" in res.output
    res = CliRunner().invoke(app, [*args, "--max-mb", "1"])
    assert res.exit_code == 0, res.output


def test_python_api_returns_report(tmp_path):
    import storyline

    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    report = storyline.analyze([tmp_path], db=tmp_path / "s.db")
    assert [d["id"] for d in report["documents"]] == ["a.txt"]
    assert report["problems"][0]["file"].endswith("empty.txt")
    assert any(q["speaker"] and "Lopes" in q["speaker"] for q in report["quotes"])


def test_names_missed_by_ner_become_entities_but_common_words_do_not(tmp_path):
    import storyline

    (tmp_path / "a.txt").write_text(
        "Satellite firm\n\ndate 2021-05-04 Officials said the launch was delayed. The satellite "
        "operator SkyNetra cancelled its launch on Monday, and SkyNetra said it would seek "
        "another rocket.\n")
    report = storyline.analyze([tmp_path], db=tmp_path / "s.db")
    names = {e["name"] for e in report["entities"]}
    assert "Officials" not in names
    ent = next(e for e in report["entities"] if "SkyNetra" in e["aliases"])
    assert ent["documents"] == ["a.txt"]


def test_participants_without_a_name_are_group_entities(tmp_path):
    import storyline

    (tmp_path / "a.txt").write_text(
        "Clashes in Dorvala\n\nThe Merovian rebels attacked a police station in Dorvala on "
        "Monday. Merovian police arrested the rebel commanders on Tuesday.\n")
    report = storyline.analyze([tmp_path], db=tmp_path / "s.db")
    ents = {e["id"]: e for e in report["entities"]}
    actors = [ents[a] for e in report["events"] for a in e["actors"]]
    rebels = [a for a in actors if "rebels" in a["name"].lower()]
    assert rebels, [e["summary"] for e in report["events"]]
    # the article is not part of the name, the group is no story label, its type says group
    assert all(not a["name"].lower().startswith("the ") for a in rebels)
    assert all(a["type"] is None and a["actor_type"] == "group" for a in rebels)
    assert all(a["name"] not in s["label"] for s in report["stories"] for a in rebels)


def test_common_word_capitalised_after_a_headline_is_no_entity(tmp_path):
    import storyline

    # a line without a full stop runs into the next one: "Some" looks mid-sentence
    (tmp_path / "a.txt").write_text(
        "Storm in Dorvala\n\nThe storm closed the port of Dorvala on Monday. Photo Lena Brandt "
        "Some said the port would stay closed for a week. The charity SkyNetra sent some "
        "ships, and SkyNetra said more aid would follow.\n")
    report = storyline.analyze([tmp_path], db=tmp_path / "s.db")
    names = {e["name"] for e in report["entities"]}
    assert "Some" not in names
    assert any("SkyNetra" in e["aliases"] for e in report["entities"])
