"""Throughput and peak memory of the whole pipeline against a bare spaCy pass.

    .venv/bin/python benchmarks/bench_throughput.py [--topic bpoil] [--limit N] [--out r.json]

Both sides run in a fresh subprocess, side by side in one run, on the same machine:
- bare: the same spaCy model parses the same (cleaned) texts with two processes;
- pipeline: `storyline analyze` on the topic's articles into a fresh store (ingestion,
  cleaning, parsing with two processes, every stage, the report).
Peak memory is the largest sum of the resident sizes of the subprocess and all its children,
sampled every 50 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
T17 = REPO.parent / "shared" / "benchmarks" / "t17"

BARE = """
import json, sys
from storyline.nlp import load_pipeline
texts = json.load(open(sys.argv[1]))
nlp = load_pipeline()
n = sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=2))
print(n)
"""


def measure(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of a command and its children."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                total = 0
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
                peak = max(peak, total)
            except psutil.Error:
                pass
            time.sleep(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    thread.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[:3]} failed: {err.decode()[-2000:]}")
    return seconds, peak / 1e6


def cleaned_texts(path: Path, limit: int | None) -> list[str]:
    from storyline.clean import clean
    from storyline.ingest import read_file

    raws, _errors = read_file(path, path.name, max_bytes=10**9)
    texts = [clean(r).text for r in raws[:limit]]
    return [t for t in texts if t.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--topic", default="bpoil")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    src = T17 / args.topic / "articles.jsonl.gz"
    if not src.exists():
        print(f"SKIPPED: {src} is missing (../shared must sit beside the repository)")
        return 0
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        articles = src
        if args.limit:
            import gzip
            articles = tmp / "articles.jsonl.gz"
            with gzip.open(src, "rt") as fin, gzip.open(articles, "wt") as fout:
                for n, line in enumerate(fin):
                    if n >= args.limit:
                        break
                    fout.write(line)
        texts = cleaned_texts(articles, None)
        (tmp / "texts.json").write_text(json.dumps(texts))
        (tmp / "bare.py").write_text(BARE)
        bare_s, bare_mb = measure([python, str(tmp / "bare.py"), str(tmp / "texts.json")])
        cli = str(Path(python).parent / "storyline")
        pipe_s, pipe_mb = measure([cli, "analyze", str(articles), "--db", str(tmp / "s.db"),
                                   "--out", str(tmp / "r.json"), "--quiet", "--jobs", "2"])
        report = json.loads((tmp / "r.json").read_text())
    result = {
        "topic": args.topic, "articles": len(texts),
        "characters": sum(len(t) for t in texts),
        "bare_spacy_seconds": round(bare_s, 1), "bare_spacy_peak_mb": round(bare_mb),
        "pipeline_seconds": round(pipe_s, 1), "pipeline_peak_mb": round(pipe_mb),
        "time_ratio": round(pipe_s / bare_s, 2), "memory_ratio": round(pipe_mb / bare_mb, 2),
        "pipeline_articles_per_second": round(len(texts) / pipe_s, 2),
        "events": len(report["events"]), "quotes": len(report["quotes"]),
        "stories": len(report.get("stories", [])),
    }
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
