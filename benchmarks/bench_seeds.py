"""Speed and memory of `storyline analyze` on the seed articles (fresh store, model load included).

    .venv/bin/python benchmarks/bench_seeds.py [--runs 3]

Runs the CLI as a user would, in a subprocess, and prints wall time and peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpora" / "seeds"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not SEEDS.exists():
        print(f"SKIPPED: {SEEDS} is missing (../shared must sit beside the repository)")
        return 0
    cli = REPO / ".venv" / "bin" / "storyline"
    times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report.json"
            t0 = time.perf_counter()
            subprocess.run([str(cli), "analyze", str(SEEDS), "--out", str(out),
                            "--db", str(Path(tmp) / "s.db"), "--quiet"], check=True,
                           capture_output=True)
            times.append(time.perf_counter() - t0)
            report = json.loads(out.read_text())
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({
        "runs": args.runs,
        "seconds_min": round(min(times), 2),
        "seconds_max": round(max(times), 2),
        "peak_rss_mb": round(peak_mb, 1),
        "documents": len(report["documents"]),
        "entities": len(report["entities"]),
        "events": len(report["events"]),
        "quotes": len(report["quotes"]),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
