"""Background analysis of uploaded articles: one worker thread, its own store, spaCy once.

Uploads are queued as :class:`Job` s; the worker runs :func:`storyline.pipeline.run` on each
job's folder with a store connection of its own (SQLite connections stay in their thread) and
a spaCy pipeline loaded on its first job and kept.  Progress is read through :meth:`get`.
"""

from __future__ import annotations

import dataclasses
import queue
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from spacy.language import Language

from storyline.ingest import IngestError

JobStatus = Literal["queued", "running", "done", "failed"]


@dataclass
class Job:
    id: str
    folder: Path
    files: list[str]
    status: JobStatus = "queued"
    stage: str | None = None
    done: int = 0
    total: int | None = None
    documents: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    created: float = field(default_factory=time.time)
    finished: float | None = None


class _JobProgress:
    """A :class:`storyline.pipeline.Progress` that writes into a job under the manager's lock."""

    def __init__(self, job: Job, lock: threading.Lock) -> None:
        self.job = job
        self.lock = lock

    def stage(self, name: str, total: int | None) -> None:
        with self.lock:
            self.job.stage, self.job.total, self.job.done = name, total, 0

    def advance(self, item: str | None = None) -> None:
        with self.lock:
            self.job.done += 1

    def problem(self, error: IngestError) -> None:
        with self.lock:
            self.job.problems.append(f"{Path(error.origin).name}: {error.message} ({error.hint})")


class JobManager:
    """Queue of analysis jobs served by one worker thread (started on the first job)."""

    def __init__(self, db: Path, nlp_loader: Callable[[], Language], max_bytes: int) -> None:
        self.db = db
        self.nlp_loader = nlp_loader
        self.max_bytes = max_bytes
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def submit(self, folder: Path, files: list[str]) -> Job:
        """Queue the analysis of the files in ``folder`` (the job owns and removes it)."""
        job = Job(id=uuid.uuid4().hex, folder=folder, files=files)
        with self._lock:
            self._jobs[job.id] = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="storyline-jobs",
                                                 daemon=True)
                self._thread.start()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        """A snapshot of a job (a copy: safe to read while the worker goes on)."""
        with self._lock:
            job = self._jobs.get(job_id)
            return dataclasses.replace(job, files=list(job.files), documents=list(job.documents),
                                       problems=list(job.problems)) if job else None

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """Block until the job is done or failed (for tests and scripts)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(job_id)
            if job is None or job.status in ("done", "failed"):
                return job
            time.sleep(0.05)
        return self.get(job_id)

    def close(self) -> None:
        """Stop the worker after the jobs already queued."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=30)
            self._thread = None

    def _work(self) -> None:
        from storyline.pipeline import run
        from storyline.store import SQLiteStore

        nlp: Language | None = None
        store = SQLiteStore(self.db)
        try:
            while (job := self._queue.get()) is not None:
                with self._lock:
                    job.status = "running"
                    job.stage = "Loading language model" if nlp is None else None
                try:
                    if nlp is None:
                        nlp = self.nlp_loader()
                    result = run([job.folder], store, nlp, _JobProgress(job, self._lock),
                                 max_bytes=self.max_bytes)
                    with self._lock:
                        job.documents = [o.doc_id for o in result.outcomes]
                        job.status = "done"
                except Exception as exc:  # a failed job must not stop the worker
                    with self._lock:
                        job.problems.append(f"analysis failed: {exc!r}")
                        job.status = "failed"
                finally:
                    with self._lock:
                        job.finished = time.time()
                    shutil.rmtree(job.folder, ignore_errors=True)
        finally:
            store.close()
