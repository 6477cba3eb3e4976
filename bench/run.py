"""Build cost as the archive grows, against bare Material (issue #7).

``python -m bench.run [--sizes 100,1000,5000] [--runs 3] [--serve-sizes 1000] [--out bench/out]``

For each size N (featured papers per language):

1. writes the scale corpus (:mod:`bench.corpus`) into ``OUT/corpus-N``;
2. runs the generator alone, in this process, phase by phase: parse (MB/s of Markdown source,
   both languages), enrich, plan and render (pages/s), and writes the very same rendered pages as
   a bare Material site (:mod:`bench.bare`);
3. builds, interleaved A, B, A, B…, ``mkdocs build`` of the project with
   ``DIGEST_CONTENT_DIR=OUT/corpus-N`` (*ours*) and the bare site (*bare*), each in a child
   process: wall time (``time.perf_counter``), peak RSS of that child (``os.wait4``), ms per
   page, and the ratio ours/bare as the median of the pairwise ratios;
4. for the real site (``content/``, copied) and each of ``--serve-sizes``: starts ``mkdocs serve`` in a site
   folder of its own and times each edit until the page served carries the change, for three kinds of edit in
   turn — a Korean issue (a marker word into its first paper's summary, then back), ``topics.yml`` (the first
   topic's label) and a site-local template (``templates/paper.html``) — and reports the median per kind.

It prints a table, the targets of issue #7, and one line per size::

    bench: N=<n> ours=<s> bare=<s> ratio=<r> peak_mb=<m>

``--profile`` also writes cProfile statistics of the generator phases to ``OUT/profile-N.txt``.
Figures are printed, never asserted: the smoke test only checks that the run works.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench.bare import write_bare_site
from bench.corpus import CONTENT, generate

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "http://127.0.0.1:8000/"
MARKER = "benchmarkedit"

TARGET_RATIO = 1.10
TARGET_GROWTH = 1.2
TARGET_PEAK_MB = 600
TARGET_PARSE_MB_S = 5.0
TARGET_RELOAD_S = 2.0
TARGET_RELOAD_REAL_S = 1.0


@dataclass(frozen=True)
class Run:
    """One child-process build."""

    wall: float
    """Wall time, seconds."""

    peak_mb: float
    """Peak resident set size of the child, MB."""

    cpu: float
    """CPU seconds of the child (user + system): steadier than wall time on a busy machine."""


@dataclass(frozen=True)
class GeneratorFigures:
    """The generator alone, in this process, one size."""

    source_mb: float
    """Markdown source read, both languages, MB."""

    parse_s: float
    """Seconds to parse every issue of both languages."""

    enrich_s: float
    """Seconds to build the catalog (identity, topics, pairing)."""

    plan_s: float
    """Seconds to plan both language trees."""

    render_s: float
    """Seconds to render every page of both trees."""

    pages: int
    """Pages of both trees."""

    papers: int
    """Distinct papers in the catalog."""


@dataclass(frozen=True)
class SizeResult:
    """Everything measured at one size."""

    n: int
    gen: GeneratorFigures
    ours: tuple[Run, ...]
    bare: tuple[Run, ...]

    @property
    def ratio(self) -> float:
        """Median of the pairwise ratios ours/bare."""
        return statistics.median(a.wall / b.wall for a, b in zip(self.ours, self.bare))

    @property
    def cpu_ratio(self) -> float:
        """Median of the pairwise CPU-time ratios ours/bare."""
        return statistics.median(a.cpu / b.cpu for a, b in zip(self.ours, self.bare))

    def median(self, side: str) -> float:
        return statistics.median(r.wall for r in getattr(self, side))

    def peak(self, side: str) -> float:
        return max(r.peak_mb for r in getattr(self, side))

    def ms_per_page(self, side: str) -> float:
        return self.median(side) * 1000 / self.gen.pages


# ------------------------------------------------------------------------------------------ the generator alone


def measure_generator(content: Path, profile: Path | None = None):
    """Parse, enrich, plan and render ``content`` in this process; the figures and the rendered pages."""
    from generator.build import RenderedPage
    from generator.enrich import build_catalog, parse_content
    from generator.enrich.overrides import load_overrides
    from generator.enrich.topics import load_topics
    from generator.plan import PlanSettings, plan_site
    from generator.render import Renderer

    profiler = cProfile.Profile() if profile else None
    times: dict[str, float] = {}

    @contextlib.contextmanager
    def phase(name: str):
        if profiler:
            profiler.enable()
        start = time.perf_counter()
        yield
        times[name] = times.get(name, 0.0) + time.perf_counter() - start
        if profiler:
            profiler.disable()

    with phase("parse"):
        ko, en, _ = parse_content(content)
    with phase("enrich"):
        topics, _ = load_topics(content / "topics.yml")
        overrides, _ = load_overrides(content / "papers.yml")
        catalog, _ = build_catalog(ko, en, topics, overrides)
    pages: dict[str, tuple[RenderedPage, ...]] = {}
    for lang in ("ko", "en"):
        with phase("plan"):
            plan = plan_site(catalog, PlanSettings(lang=lang, root_url=SITE_URL))
        with phase("render"):
            renderer = Renderer(lang)
            pages[lang] = tuple(RenderedPage(page, renderer.render(page)) for page in plan.pages)
    if profiler and profile:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
        profile.write_text(out.getvalue(), encoding="utf-8")
    source = sum(p.stat().st_size for lang in ("ko", "en") for p in (content / lang).glob("*.md"))
    figures = GeneratorFigures(
        source_mb=source / 1e6,
        parse_s=times["parse"],
        enrich_s=times["enrich"],
        plan_s=times["plan"],
        render_s=times["render"],
        pages=sum(len(p) for p in pages.values()),
        papers=len(catalog.papers),
    )
    return figures, pages


# ------------------------------------------------------------------------------------------ child builds


def _env(content: Path) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL, DIGEST_CONTENT_DIR=str(content),
               DIGEST_SOCIAL_CARDS="false")  # bare Material draws no cards either
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def timed(cmd: list[str], env: dict[str, str], log: Path) -> Run:
    """Run ``cmd`` to completion: wall time and the child's own peak RSS (``os.wait4``)."""
    with log.open("wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"bench: `{' '.join(cmd)}` failed (exit {child.returncode}), log {log}:\n{tail}")
    return Run(wall=wall, peak_mb=usage.ru_maxrss / 1024, cpu=usage.ru_utime + usage.ru_stime)


def measure_size(n: int, runs: int, out: Path, profile: bool, seed: int) -> SizeResult:
    corpus = out / f"corpus-{n}"
    stats = generate(corpus, n, seed=seed)
    print(f"-- N={n}: {stats.issues} issues, {stats.papers} papers, {stats.source_bytes / 1e6:.1f} MB of Markdown",
          flush=True)
    gen, pages = measure_generator(corpus, out / f"profile-{n}.txt" if profile else None)
    bare = write_bare_site(pages, out / f"bare-{n}", SITE_URL)
    del pages
    env = _env(corpus)
    ours_cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"),
                "-d", str(out / f"ours-{n}" / "site")]
    bare_cmd = [sys.executable, "-m", "bench.bare", *map(str, bare.configs)]
    ours_runs, bare_runs = [], []
    for i in range(runs):
        ours_runs.append(timed(ours_cmd, env, out / f"ours-{n}.log"))
        bare_runs.append(timed(bare_cmd, env, out / f"bare-{n}.log"))
        a, b = ours_runs[-1], bare_runs[-1]
        print(f"   run {i + 1}: ours {a.wall:.2f} s (cpu {a.cpu:.2f} s) {a.peak_mb:.0f} MB | "
              f"bare {b.wall:.2f} s (cpu {b.cpu:.2f} s) {b.peak_mb:.0f} MB", flush=True)
    return SizeResult(n, gen, tuple(ours_runs), tuple(bare_runs))


# ------------------------------------------------------------------------------------------ mkdocs serve


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, predicate, timeout: float, server: subprocess.Popen, log: Path) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if server.poll() is not None:
            raise SystemExit(f"bench: mkdocs serve exited ({server.returncode}) while waiting for {url}; see {log}")
        if b"error happened during the rebuild" in log.read_bytes():
            raise SystemExit(f"bench: mkdocs serve failed to rebuild; see {log}")
        body = _fetch(url)
        if body is not None and predicate(body):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"bench: {url} did not show the edit within {timeout:.0f} s")


def _edit_target(content: Path) -> tuple[Path, str, str, tuple[str | None, str | None]]:
    """The newest Korean issue, its slug, the first line of its first paper's summary and that paper's titles."""
    from generator.parser import parse_file

    path = sorted((content / "ko").glob("*.md"))[-1]
    issue = parse_file(path, lang="ko").issue
    if issue is None or not issue.papers:
        raise SystemExit(f"{path}:1: error: no paper to edit — the serve benchmark edits the first paper's summary")
    paper = issue.papers[0]
    line = paper.summary.strip().split("\n")[0].rstrip()
    if line not in path.read_text(encoding="utf-8"):
        raise SystemExit(f"{path}:1: error: the summary's first line is not in the file as written")
    return path, issue.slug, line, (paper.title_en, paper.title_ko)


def _paper_url(base: str, slug: str, titles: tuple[str | None, str | None]) -> str:
    """Address of the paper page showing the edited summary, found in the served ``api/papers.json``."""
    papers = json.loads(_fetch(f"{base}api/papers.json") or "{}").get("papers", [])
    featured = [p for p in papers if slug in p.get("issues", ())]
    if not featured:
        raise SystemExit(f"bench: {base}api/papers.json lists no paper of {slug}")
    best = next((p for p in featured if (p.get("title_en"), p.get("title_ko")) == titles), None)
    best = best or next((p for p in featured if titles[0] and p.get("title_en") == titles[0]), featured[0])
    return best["urls"]["ko"]


EDIT_KINDS = ("issue", "topics", "template")
"""What the serve benchmark edits: a Korean issue (its first paper's summary), ``topics.yml`` (the first topic's
Korean label) and a site-local page template (``templates/paper.html``, a copy of ours with a comment added)."""


def _serve_project(content: Path, scratch: Path) -> Path:
    """A site folder as an editor has one: ``mkdocs.yml``, ``content/`` and ``templates/paper.html``."""
    from generator.render import TEMPLATES_DIR

    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(content, scratch / "content")
    shutil.copyfile(ROOT / "mkdocs.yml", scratch / "mkdocs.yml")
    (scratch / "templates").mkdir()
    shutil.copyfile(TEMPLATES_DIR / "paper.html", scratch / "templates" / "paper.html")
    return scratch


def _first_topic_label(topics: str) -> str:
    label = next(line for line in topics.splitlines() if line.strip().startswith("label_ko:"))
    return label.split(":", 1)[1].strip()


def measure_serve(name: str, content: Path, edits: int, out: Path) -> dict[str, list[float]]:
    """Seconds from each edit (and each revert) until ``mkdocs serve`` serves the changed page, per kind of edit."""
    scratch = _serve_project(content, out / f"serve-{name}")
    path, slug, line, titles = _edit_target(scratch / "content")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = _env(scratch / "content")
    del env["DIGEST_CONTENT_DIR"]  # the site folder's own mkdocs.yml reads its own content/
    env["SITE_URL"] = base
    log_path = out / f"serve-{name}.log"
    log = log_path.open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(scratch / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=scratch, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    latencies: dict[str, list[float]] = {kind: [] for kind in EDIT_KINDS}
    try:
        first = _wait_for(f"{base}api/papers.json", lambda body: True, 1800, server, log_path)
        paper_url = _paper_url(base, slug, titles)
        topics = scratch / "content" / "topics.yml"
        label = _first_topic_label(topics.read_text(encoding="utf-8"))
        template = scratch / "templates" / "paper.html"
        print(f"   serve {name}: first build served after {first:.1f} s", flush=True)
        targets = {
            "issue": (path, lambda text, m: text.replace(line, f"{line} {m}", 1), paper_url),
            "topics": (topics, lambda text, m: text.replace(f"label_ko: {label}", f"label_ko: {label} {m}", 1),
                       f"{base}topics/"),
            "template": (template, lambda text, m: text + f"<!-- {m} -->\n", paper_url),
        }
        for i in range(edits):
            for kind, (target, edit, url) in targets.items():
                original = target.read_text(encoding="utf-8")
                marker = f"{MARKER}{kind}{i}"
                start = time.perf_counter()
                target.write_text(edit(original, marker), encoding="utf-8")
                _wait_for(url, lambda body, m=marker: m in body, 600, server, log_path)
                latencies[kind].append(time.perf_counter() - start)
                start = time.perf_counter()
                target.write_text(original, encoding="utf-8")
                _wait_for(url, lambda body, m=marker: m not in body, 600, server, log_path)
                latencies[kind].append(time.perf_counter() - start)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    for kind, values in latencies.items():
        print(f"   serve {name} {kind}: " + " ".join(f"{v:.2f}" for v in values) + " s", flush=True)
    return latencies


# ------------------------------------------------------------------------------------------ report


def report(results: list[SizeResult], serve: dict[str, dict[str, list[float]]]) -> None:
    print()
    print(f"{'N':>6} {'pages':>6} {'papers':>6} {'ours s':>8} {'bare s':>8} {'ratio':>6} {'ours ms/pg':>10} "
          f"{'bare ms/pg':>10} {'cpu ratio':>9} {'ours MB':>8} {'bare MB':>8} {'parse MB/s':>10} {'enrich s':>8} "
          f"{'plan s':>7} {'render pg/s':>11}")
    for r in results:
        g = r.gen
        print(f"{r.n:>6} {g.pages:>6} {g.papers:>6} {r.median('ours'):>8.2f} {r.median('bare'):>8.2f} "
              f"{r.ratio:>6.2f} {r.ms_per_page('ours'):>10.2f} {r.ms_per_page('bare'):>10.2f} "
              f"{r.cpu_ratio:>9.2f} {r.peak('ours'):>8.0f} {r.peak('bare'):>8.0f} {g.source_mb / g.parse_s:>10.2f} "
              f"{g.enrich_s:>8.2f} {g.plan_s:>7.2f} {g.pages / g.render_s:>11.0f}")
    for name, kinds in serve.items():
        for kind, latencies in kinds.items():
            print(f"serve reload {name} {kind} edit: median {statistics.median(latencies):.2f} s, "
                  f"max {max(latencies):.2f} s ({len(latencies)} edits)")
    print()
    _targets(results, serve)
    for r in results:
        print(f"bench: N={r.n} ours={r.median('ours'):.2f} bare={r.median('bare'):.2f} ratio={r.ratio:.2f} "
              f"peak_mb={r.peak('ours'):.0f}")


def _targets(results: list[SizeResult], serve: dict[str, dict[str, list[float]]]) -> None:
    def line(ok: bool, text: str) -> None:
        print(f"target {'met   ' if ok else 'MISSED'} {text}")

    for r in results:
        line(r.ratio <= TARGET_RATIO, f"N={r.n}: ratio ours/bare {r.ratio:.2f} <= {TARGET_RATIO}")
        rate = r.gen.source_mb / r.gen.parse_s
        line(rate >= TARGET_PARSE_MB_S, f"N={r.n}: parse {rate:.2f} MB/s >= {TARGET_PARSE_MB_S}")
    if len(results) > 1:
        small, large = results[0], results[-1]
        growth = large.ms_per_page("ours") / small.ms_per_page("ours")
        line(growth <= TARGET_GROWTH, f"ms/page N={large.n} / N={small.n} = {growth:.2f} <= {TARGET_GROWTH}")
    if results:
        big = results[-1]
        line(big.peak("ours") <= TARGET_PEAK_MB, f"N={big.n}: peak RSS {big.peak('ours'):.0f} MB <= {TARGET_PEAK_MB}")
    for name, kinds in serve.items():
        target = TARGET_RELOAD_REAL_S if name == "real" else TARGET_RELOAD_S
        for kind, latencies in kinds.items():
            median = statistics.median(latencies)
            line(median <= target, f"serve {name}, {kind} edit: median {median:.2f} s <= {target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="papers per language, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="builds of each side per size (interleaved)")
    parser.add_argument("--serve-sizes", default="1000",
                        help="corpus sizes to time `mkdocs serve` on, besides the real site ('' for none)")
    parser.add_argument("--no-serve", action="store_true", help="skip every `mkdocs serve` measurement")
    parser.add_argument("--edits", type=int, default=3,
                        help="edit/revert cycles per kind of edit (issue, topics.yml, template) and serve measurement")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="scratch folder (git-ignored)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed")
    parser.add_argument("--profile", action="store_true", help="write OUT/profile-N.txt (cProfile of the generator)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    results = [measure_size(n, args.runs, args.out, args.profile, args.seed) for n in sizes]
    serve: dict[str, dict[str, list[float]]] = {}
    if not args.no_serve:
        serve["real"] = measure_serve("real", CONTENT, args.edits, args.out)
        for n in (int(s) for s in args.serve_sizes.split(",") if s.strip()):
            corpus = args.out / f"corpus-{n}"
            if n not in sizes:
                generate(corpus, n, seed=args.seed)
            serve[f"N={n}"] = measure_serve(f"N={n}", corpus, args.edits, args.out)
    report(results, serve)
    return 0


if __name__ == "__main__":
    sys.exit(main())
