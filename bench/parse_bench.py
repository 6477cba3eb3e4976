"""Parser throughput over the seed issues: ``python -m bench.parse_bench [--rounds 20] [PATH…]``.

Reads every file once (``content/ko`` and ``content/en`` by default, plus the raw seeds in
``/work/shared/seeds`` when present), then times ``parse_text`` over all of them ``--rounds``
times and prints MB/s of Markdown source (wall clock: best round and median; CPU time: best round)
and milliseconds per file. Each round also times markdown-it's block pass alone over the same texts (the parser's
first step), interleaved with the parser and in alternating order, and prints the median of the per-round ratios:
this machine's speed varies from minute to minute, the ratio much less.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from generator.parser import clear_caches, lang_of, parse_text
from generator.parser.tokens import block_tokens

DEFAULT = [Path("content/ko"), Path("content/en"), Path("/work/shared/seeds")]


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md"))
        elif path.is_file():
            found.append(path)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the seeds)")
    parser.add_argument("--rounds", type=int, default=20, help="timed passes over all files (default 20)")
    args = parser.parse_args(argv)
    files = _files(args.paths or DEFAULT)
    if not files:
        print("parse_bench: no files found")
        return 1
    texts = [(str(p), p.read_text(encoding="utf-8"), lang_of(p)) for p in files]
    size = sum(len(text.encode("utf-8")) for _, text, _ in texts)
    papers = sum(len(parse_text(text, path, lang=lang).issue.papers) for path, text, lang in texts)  # warm-up
    times, cpu, blocks, ratios = [], [], [], []
    for n in range(args.rounds):
        for step in ((_parse, _block) if n % 2 == 0 else (_block, _parse)):
            wall, used = step(texts)
            (times if step is _parse else blocks).append(wall)
            if step is _parse:
                cpu.append(used)
        ratios.append(times[-1] / blocks[-1])
    best, median = min(times), statistics.median(times)
    print(f"parse_bench: {len(files)} files, {size / 1e6:.3f} MB, {papers} papers, {args.rounds} rounds")
    print(f"parse_bench: wall best {size / 1e6 / best:.2f} MB/s, median {size / 1e6 / median:.2f} MB/s, "
          f"{median / len(files) * 1000:.2f} ms/file; CPU best {size / 1e6 / min(cpu):.2f} MB/s "
          f"(on a busy machine the CPU figure is the steadier one)")
    print(f"parse_bench: markdown-it block pass alone: wall best {size / 1e6 / min(blocks):.2f} MB/s; the parser takes "
          f"{statistics.median(ratios):.2f}x its time (median of rounds, range {min(ratios):.2f}-{max(ratios):.2f})")
    return 0


def _parse(texts: list[tuple[str, str, str]]) -> tuple[float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    for path, text, lang in texts:
        clear_caches()  # every file is new to the parser, as in a real build
        parse_text(text, path, lang=lang)
    return time.perf_counter() - start, time.process_time() - start_cpu


def _block(texts: list[tuple[str, str, str]]) -> tuple[float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    for _, text, _ in texts:
        block_tokens(text)
    return time.perf_counter() - start, time.process_time() - start_cpu


if __name__ == "__main__":
    raise SystemExit(main())
