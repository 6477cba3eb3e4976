"""Helpers of the hostile tests: temporary content folders, ``mkdocs build``/``digest`` runs, and
the output scanner that looks for executable content in every built page, feed and JSON file.

The scanner parses everything it checks (lxml for HTML and XML, ``json`` for JSON); it never
greps. What it reports, as ``file: what`` lines:

* a ``<script>`` the templates did not put there: JSON(-LD) scripts must parse as JSON, external
  scripts must be the theme's own files, inline scripts must be one of the inline scripts of a
  *baseline* build of the shipped content (string literals ignored, as they hold relative paths);
* any ``on*`` event-handler attribute (also one made by a quote that broke out of an attribute);
* a ``javascript:``, ``vbscript:``, ``data:`` or ``livescript:`` URL in a URL-carrying attribute
  (``href``, ``src``, ``content``…), in a feed's link/id/guid, in a JSON ``url`` field, or anywhere
  in HTML embedded in a feed (``description``, ``content:encoded``) or in the search index;
* ``<iframe>``, ``<object>``, ``<embed>``, ``<frame>``, ``<base>``, ``<style>`` and ``<meta http-equiv=refresh>``;
* a ``style`` attribute the templates do not write (content could cover the page with it).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree, html

ROOT = Path(__file__).resolve().parents[2]
"""The checkout."""

CONTENT = ROOT / "content"
"""The shipped content."""

TRACEBACK = "Traceback (most recent call last)"
"""What must never be printed for bad input."""

_DANGEROUS = re.compile(r"^(?:javascript|vbscript|data|livescript):", re.IGNORECASE)
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "data", "poster", "background", "srcset", "content",
                        "ping", "cite", "longdesc", "manifest", "icon", "xlink:href", "{http://www.w3.org/1999/xlink}href"})
_FORBIDDEN = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style"})
_XML_URL_ELEMENTS = frozenset({"link", "guid", "id", "loc", "url", "uri", "icon", "logo", "comments", "docs"})
_XML_HTML_ELEMENTS = frozenset({"description", "encoded", "content", "summary"})
"""Feed elements whose text readers render as HTML (RSS ``description``, ``content:encoded``, Atom
``content``/``summary``); ``title`` is plain text (RSS Best Practices Profile) and XML-escaped."""
_JSON_URL_KEYS = frozenset({"url", "href", "src", "link", "image", "loc", "location", "canonical"})
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")


# ------------------------------------------------------------------------------------------ running


def clean_env(**overrides: str) -> dict[str, str]:
    """The environment for child processes, MkDocs' end-of-life banner off, ``overrides`` applied."""
    env = {k: v for k, v in os.environ.items() if k not in ("DIGEST_CONTENT_DIR", "SOURCE_DATE_EPOCH")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(overrides)
    return env


def make_content(dest: Path, extra: dict[str, bytes] | None = None, *, reverse: bool = False) -> Path:
    """A copy of ``content/`` in ``dest`` plus ``extra`` files in ``dest/ko``; ``reverse`` creates the
    files in reverse name order (so directory listings come back in another order)."""
    sources = sorted(p for p in CONTENT.rglob("*") if p.is_file())
    for path in reversed(sources) if reverse else sources:
        target = dest / path.relative_to(CONTENT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for name, data in sorted((extra or {}).items(), reverse=reverse):
        (dest / "ko" / name).write_bytes(data)
    return dest


def mkdocs_build(content_dir: Path, site_dir: Path, *, cwd: Path = ROOT,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of ``cwd/mkdocs.yml`` from ``content_dir`` into ``site_dir``."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(cwd / "mkdocs.yml"),
           "-d", str(site_dir)]
    return subprocess.run(cmd, cwd=cwd, env=env or clean_env(DIGEST_CONTENT_DIR=str(content_dir)),
                          capture_output=True, text=True, timeout=900)


def build_hostile(content: Path, site: Path, **env: str) -> Path:
    """``mkdocs build --strict`` of ``content`` into ``site``; fails the test on an error or a traceback."""
    proc = mkdocs_build(content, site, env=clean_env(DIGEST_CONTENT_DIR=str(content), **env))
    assert TRACEBACK not in proc.stdout + proc.stderr
    assert proc.returncode == 0, proc.stderr[-4000:]
    return site


def digest(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the ``digest`` command line."""
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd, env=env or clean_env(),
                          capture_output=True, text=True, timeout=600)


def problem_lines(output: str) -> list[str]:
    """The ``path:line: error: …`` (and whole-file ``path: error: …``) lines of a command's output."""
    return [line for line in output.splitlines() if re.search(r"(:\d+)?: error: ", line)]


# ------------------------------------------------------------------------------------------ scanning


def _dangerous(value: str) -> bool:
    return bool(_DANGEROUS.match("".join(ch for ch in value if ch.isprintable() and not ch.isspace())))


def script_signature(text: str) -> str:
    """An inline script with its string literals blanked (they hold page-relative paths)."""
    return _STRING.sub('""', text.strip())


class Scanner:
    """Scans a built site; ``allowed_scripts`` are signatures of the templates' inline scripts,
    ``allowed_styles`` the ``style`` attribute values the templates write."""

    def __init__(self, allowed_scripts: frozenset[str] = frozenset(), allowed_styles: frozenset[str] = frozenset()) -> None:
        self.allowed_scripts = allowed_scripts
        self.allowed_styles = allowed_styles
        self.problems: list[str] = []

    def _report(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    # --- HTML -----------------------------------------------------------------------------------

    def scan_tree(self, where: str, root: etree._Element, *, fragment: bool) -> None:
        """Check every element of a parsed HTML tree; in a ``fragment`` (content text) no script at all."""
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            tag = el.tag.lower()
            if tag in _FORBIDDEN:
                self._report(where, f"<{tag}> element")
            if tag == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
                self._report(where, "<meta http-equiv=refresh>")
            if tag == "script":
                self._script(where, el, fragment=fragment)
            for name, value in el.attrib.items():
                name = str(name).lower()
                if name.startswith("on"):
                    self._report(where, f"<{tag} {name}=…> event-handler attribute")
                if name in _URL_ATTRS and _dangerous(value):
                    self._report(where, f"<{tag} {name}={value[:60]!r}> dangerous URL")
                if name == "style" and (fragment or value not in self.allowed_styles):
                    self._report(where, f"<{tag} style={value[:60]!r}> the templates do not write")

    def _script(self, where: str, el: etree._Element, *, fragment: bool) -> None:
        text = el.text or ""
        kind = (el.get("type") or "").lower()
        src = el.get("src")
        if fragment:
            self._report(where, f"<script> in content text: {text[:60]!r}")
        elif kind in ("application/ld+json", "application/json"):
            try:
                json.loads(text)
            except ValueError:
                self._report(where, f"<script type={kind}> whose text is not JSON: {text[:60]!r}")
        elif src is not None:
            parts = urlsplit(src)
            if parts.scheme or parts.netloc or "assets/javascripts/" not in parts.path:
                self._report(where, f"<script src={src[:60]!r}> that is not a theme script")
        elif script_signature(text) not in self.allowed_scripts:
            self._report(where, f"inline <script> the templates do not make: {text[:80]!r}")

    def scan_html_file(self, where: str, data: bytes) -> etree._Element:
        root = html.document_fromstring(data)
        self.scan_tree(where, root, fragment=False)
        return root

    def scan_fragment(self, where: str, text: str) -> None:
        """HTML embedded as text (feed descriptions, search-index entries)."""
        if "<" in text or "&" in text:
            self.scan_tree(where, html.fragment_fromstring(text, create_parent="div"), fragment=True)

    # --- XML, JSON --------------------------------------------------------------------------------

    def scan_xml(self, where: str, data: bytes) -> None:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            local = etree.QName(el).localname.lower()
            if local in _FORBIDDEN or local == "script":
                self._report(where, f"<{local}> element in XML")
            for name, value in el.attrib.items():
                lname = etree.QName(name).localname.lower()
                if lname.startswith("on"):
                    self._report(where, f"<{local} {lname}=…> event-handler attribute in XML")
                if lname in ("href", "src", "url", "uri") and _dangerous(value):
                    self._report(where, f"<{local} {lname}={value[:60]!r}> dangerous URL in XML")
            text = el.text or ""
            if local in _XML_URL_ELEMENTS and _dangerous(text):
                self._report(where, f"<{local}>{text[:60]}</{local}> dangerous URL in XML")
            if local in _XML_HTML_ELEMENTS and text.strip():
                self.scan_fragment(f"{where} <{local}>", text)

    def scan_json(self, where: str, data: object, key: str = "") -> None:
        if isinstance(data, dict):
            for k, v in data.items():
                self.scan_json(where, v, str(k))
        elif isinstance(data, list):
            for v in data:
                self.scan_json(where, v, key)
        elif isinstance(data, str):
            if key.lower() in _JSON_URL_KEYS and _dangerous(data):
                self._report(where, f"JSON {key}={data[:60]!r} dangerous URL")
            if where.endswith("search_index.json") and key in ("title", "text"):
                self.scan_fragment(f"{where} {key}", data)

    # --- the whole site ---------------------------------------------------------------------------

    def scan_site(self, site: Path) -> list[str]:
        """Scan every HTML, XML (also gzipped) and JSON file under ``site``; returns the problems."""
        for path in sorted(site.rglob("*")):
            where = str(path.relative_to(site))
            if path.suffix == ".html":
                self.scan_html_file(where, path.read_bytes())
            elif path.suffix == ".xml":
                self.scan_xml(where, path.read_bytes())
            elif path.name.endswith(".xml.gz"):
                self.scan_xml(where, gzip.decompress(path.read_bytes()))
            elif path.suffix == ".json":
                self.scan_json(where, json.loads(path.read_bytes()))
        return self.problems


def baseline_scanner(site: Path) -> Scanner:
    """A scanner that allows the inline scripts and ``style`` attributes of ``site``, built from
    trusted content (the baseline): what the templates themselves write."""
    scripts, styles = set(), set()
    for path in site.rglob("*.html"):
        root = html.document_fromstring(path.read_bytes())
        for el in root.iter("script"):
            if not el.get("src") and (el.get("type") or "").lower() not in ("application/ld+json", "application/json"):
                scripts.add(script_signature(el.text or ""))
        styles.update(el.get("style") for el in root.iter() if isinstance(el.tag, str) and el.get("style") is not None)
    return Scanner(frozenset(scripts), frozenset(styles))


def page_text(site: Path, url_path: str) -> str:
    """The visible text of a built page's content area (``issues/x/``), whitespace collapsed."""
    root = html.document_fromstring((site / url_path / "index.html").read_bytes())
    main = root.find(".//article") if root.find(".//article") is not None else root.find(".//body")
    return re.sub(r"\s+", " ", main.text_content())
