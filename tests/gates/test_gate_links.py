"""Gate (issue #5, #4 point 2): linkchecker over the site served under a sub-path finds 0 broken internal links
and 0 broken anchors, and no link (switcher, hreflang, feeds, anything) leaves the sub-path."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from sitemap import LANGS, load_site_pages

MOUNT = "/paper-digest/"  # the conftest SUBPATH
CONFIG = Path(__file__).with_name("linkcheckerrc")


@pytest.fixture(scope="module")
def subpath_site(served_subpath_site) -> tuple[Path, str]:
    """The site built for ``http://127.0.0.1:<port>/paper-digest/`` and served only there."""
    return served_subpath_site.directory, served_subpath_site.url


def run_linkchecker(start_url: str) -> list[dict[str, str]]:
    """Run linkchecker (verbose CSV, so filtered URLs are listed too) and return its rows."""
    exe = Path(sys.executable).with_name("linkchecker")
    proc = subprocess.run(
        [str(exe), "-f", str(CONFIG), "--verbose", "-o", "csv", start_url],
        capture_output=True,
        text=True,
    )
    lines = [line for line in proc.stdout.splitlines(keepends=True) if not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("".join(lines)), delimiter=";"))
    if not rows:
        pytest.fail(f"linkchecker checked nothing (exit {proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    return rows


@pytest.mark.slow
def test_no_broken_links_or_anchors_under_subpath(subpath_site) -> None:
    site_dir, base = subpath_site
    rows = run_linkchecker(base)
    host = urlsplit(base).netloc
    pages = load_site_pages(site_dir)
    seen = {r["url"].split("#")[0] for r in rows}
    unreached = sorted(base + p.lstrip("/") for lang in LANGS for p in pages.all_pages(lang))
    unreached = [url for url in unreached if url not in seen]
    assert not unreached, "pages no link leads to (linkchecker never reached them):\n" + "\n".join(unreached)

    def where(r: dict[str, str]) -> str:
        return f"{r['parentname']}:{r['line']}: {r['urlname']!r}"

    broken = [f"{where(r)} -> {r['result']}" for r in rows if r["valid"] == "False"]
    anchors = [f"{where(r)} -> {r['warningstring'].split('. Available')[0]}" for r in rows if "Anchor" in r["warningstring"]]
    escaping = [
        f"{where(r)} -> {r['url']} is outside {MOUNT}"
        for r in rows
        if urlsplit(r["url"]).netloc in (host, host.replace("127.0.0.1", "localhost"))
        and not urlsplit(r["url"]).path.startswith(MOUNT)
    ]
    problems = broken + anchors + escaping
    assert not problems, f"{len(problems)} link problems:\n" + "\n".join(sorted(set(problems))[:80])


@pytest.mark.slow
def test_switcher_hreflang_and_feed_links_stay_inside_subpath(subpath_site) -> None:
    site_dir, base = subpath_site
    pages = sorted(site_dir.rglob("index.html"))
    assert pages, "no pages built"
    checked = 0
    outside = []
    for html in pages:
        rel = html.parent.relative_to(site_dir).as_posix()
        page_url = base if rel == "." else f"{base}{rel}/"
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        links = soup.select(
            "a[hreflang], link[hreflang], link[rel~=alternate], link[rel=canonical], a[type=\"application/rss+xml\"]"
        )
        for el in links:
            target = urljoin(page_url, el.get("href", ""))
            checked += 1
            if not target.startswith(base):
                outside.append(f"{html.relative_to(site_dir)}: <{el.name} {dict(el.attrs)}> -> {target}")
    assert checked, "no switcher/hreflang/alternate links found at all"
    assert not outside, "links leaving the sub-path:\n" + "\n".join(outside[:50])


@pytest.mark.slow
def test_sitemap_and_feed_urls_stay_inside_subpath(subpath_site) -> None:
    site_dir, base = subpath_site
    sitemaps = sorted(site_dir.rglob("sitemap.xml"))
    feeds = [p for p in sorted(site_dir.rglob("*.xml")) if b"<rss" in p.read_bytes()[:400]]
    assert sitemaps, "no sitemap.xml built"
    outside = []
    for sitemap in sitemaps:
        soup = BeautifulSoup(sitemap.read_text(encoding="utf-8"), "xml")
        urls = [loc.text.strip() for loc in soup.find_all("loc")] + [
            link["href"] for link in soup.find_all("link") if link.get("href")
        ]
        assert urls, f"{sitemap}: lists no URL"
        outside += [f"{sitemap.relative_to(site_dir)}: {u}" for u in urls if not u.startswith(base)]
    for feed_path in feeds:
        feed = feedparser.parse(feed_path.read_bytes())
        urls = [feed.feed.get("link", "")] + [link.href for link in feed.feed.get("links", [])]
        urls += [entry.link for entry in feed.entries]
        outside += [f"{feed_path.relative_to(site_dir)}: {u}" for u in urls if u and not u.startswith(base)]
    assert not outside, "sitemap/feed URLs outside the sub-path:\n" + "\n".join(outside[:50])
