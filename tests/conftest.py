"""Shared test harness: build the site once, serve it on loopback, drive it in Debian's Chromium.

Fixtures for everyone (all session-scoped unless said otherwise):

- ``built_site`` -> Path: ``mkdocs build --strict`` of the whole bilingual site into a temp dir, once per session.
  Uses ``SITE_URL`` from the environment if set (mkdocs.yml reads it), else the config's default.
- ``build_site`` -> callable ``build_site(site_url=None, dest=None) -> Path``: build with another ``site_url``
  (e.g. ``"https://example.github.io/paper-digest/"``) into another dir; builds are cached per (site_url, dest).
- ``served_site`` -> str: base URL (``http://127.0.0.1:<port>/``, trailing slash) of the site served by an
  ``http.server`` thread on a random loopback port (built with ``site_url`` = that URL, like a real deployment).
- ``served_subpath_site`` -> ServedSite(directory, url): the site built for and served under
  ``http://127.0.0.1:<port>/paper-digest/`` only (GitHub Pages project-site layout).
- ``serve_dir`` -> callable ``serve_dir(directory, mount="/") -> SiteServer``: serve any dir, optionally under a
  sub-path such as ``/paper-digest/``; ``SiteServer.url`` is the base URL. The port is bound before you build, so
  a site can be built with ``site_url=server.url`` and then served by the same server (the dir is read per request).
- ``site_pages`` -> SitePages: URL paths of the built site's pages by kind and language, read from
  ``/api/issues.json`` and ``/api/papers.json`` plus the fixed pages (home, archive, topics).
- Playwright: ``browser_type_launch_args`` launches Debian's ``/usr/bin/chromium`` headless with the project's flags
  (never ``playwright install``). Function fixture ``page_watch`` wraps pytest-playwright's ``page``: it records
  every request, console error and page error, aborts any request that would leave 127.0.0.1, and
  ``page_watch.assert_clean()`` fails the test on any of them (it also runs at teardown).
- ``screenshot_dir`` -> Path: ``tests/artifacts/screenshots/`` (git-ignored), where browser tests write PNGs.

Mark browser tests ``@pytest.mark.browser``.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlsplit

import pytest

# tests/sitemap.py is shared with scripts/lighthouse.sh; importable whatever pytest's import mode
sys.path.insert(0, str(Path(__file__).resolve().parent))
from sitemap import SitePages, load_site_pages  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
LOOPBACK_HOSTS = {"127.0.0.1"}


def pytest_configure(config: pytest.Config) -> None:
    # pytest-playwright 0.10 defines its `base_url` fixture as a method, which pytest 9 warns about on every
    # browser run; it is the plugin's own code and harmless here (we never use base_url).
    config.addinivalue_line("filterwarnings", "ignore:Session-scoped fixtures defined as instance methods")


# --------------------------------------------------------------------------------------------------- building


class BuildFailed(Exception):
    """``mkdocs build --strict`` exited non-zero; the message holds its output."""


def run_mkdocs_build(dest: Path, site_url: str | None = None) -> Path:
    """Run ``mkdocs build --strict`` into ``dest``; ``site_url`` overrides ``SITE_URL``. Raises BuildFailed."""
    env = dict(os.environ)
    if site_url is not None:
        env["SITE_URL"] = site_url
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(dest)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BuildFailed(
            f"`mkdocs build --strict` failed (exit {proc.returncode}, SITE_URL={env.get('SITE_URL')!r}):\n"
            f"{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}"
        )
    return dest


@pytest.fixture(scope="session")
def build_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Factory ``build_site(site_url=None, dest=None) -> Path``, cached per (site_url, dest) for the session.
    A failed build fails every test that asks for it, with mkdocs' own messages, and is not retried."""
    cache: dict[tuple[str | None, str | None], Path | BuildFailed] = {}

    def build(site_url: str | None = None, dest: Path | None = None) -> Path:
        key = (site_url, str(dest) if dest else None)
        if key not in cache:
            try:
                cache[key] = run_mkdocs_build(Path(dest or tmp_path_factory.mktemp("site")), site_url)
            except BuildFailed as failure:
                cache[key] = failure
        result = cache[key]
        if isinstance(result, BuildFailed):
            pytest.fail(str(result), pytrace=False)
        return result

    return build


@pytest.fixture(scope="session")
def built_site(build_site: Callable[..., Path]) -> Path:
    """The site as ``mkdocs build --strict`` makes it (SITE_URL from the environment), built once per session."""
    return build_site()


# --------------------------------------------------------------------------------------------------- serving


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from ``directory`` under ``mount``; 404 outside the mount and for index-less directories."""

    mount = "/"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + urlsplit(path).path[len(self.mount) :])

    def send_head(self):  # noqa: ANN201 - stdlib signature
        path = urlsplit(self.path).path
        if path.startswith(self.mount):
            return super().send_head()
        if path + "/" == self.mount:
            self.send_response(301)
            self.send_header("Location", self.mount)
            self.end_headers()
        else:
            self.send_error(404, f"Outside the site's mount {self.mount}")
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing address gets the site's root ``404.html`` with status 404, as GitHub Pages serves it (one root
        page for every language tree)."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        # A directory without index.html is a broken link on GitHub Pages too: never paper over it with a listing.
        self.send_error(404, "No index.html")
        return None


@dataclass
class SiteServer:
    """A loopback HTTP server thread serving ``directory`` under ``mount`` (e.g. ``/paper-digest/``)."""

    directory: Path
    """Directory served; read on every request, so it may be (re)built after the server started."""
    mount: str = "/"
    """URL path prefix the site lives under; always starts and ends with ``/``."""
    _httpd: http.server.ThreadingHTTPServer | None = field(default=None, repr=False)
    """The running server (set by ``start``)."""

    @property
    def port(self) -> int:
        """The random loopback port the server listens on."""
        assert self._httpd is not None, "SiteServer.start() first"
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """Base URL of the served site, with a trailing slash."""
        return f"http://127.0.0.1:{self.port}{self.mount}"

    def start(self) -> "SiteServer":
        """Bind a random port on 127.0.0.1 and serve in a daemon thread."""
        handler = type("Handler", (_SiteHandler,), {"mount": self.mount})
        factory = functools.partial(handler, directory=str(self.directory))
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, name=f"site-server-{self.port}", daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None


def _normalise_mount(mount: str) -> str:
    return "/" + mount.strip("/") + "/" if mount.strip("/") else "/"


@pytest.fixture(scope="session")
def serve_dir() -> Iterator[Callable[..., SiteServer]]:
    """Factory ``serve_dir(directory, mount="/") -> SiteServer`` (started); all are stopped at session end."""
    servers: list[SiteServer] = []

    def serve(directory: Path, mount: str = "/") -> SiteServer:
        server = SiteServer(Path(directory), _normalise_mount(mount)).start()
        servers.append(server)
        return server

    yield serve
    for server in servers:
        server.stop()


SUBPATH = "/paper-digest/"
"""The sub-path a project site lives under on GitHub Pages (``https://<user>.github.io/<repo>/``)."""


@dataclass(frozen=True)
class ServedSite:
    """A built site and the loopback URL it is served at."""

    directory: Path
    """The built site."""
    url: str
    """Its base URL (the ``site_url`` it was built with), trailing slash."""


@pytest.fixture(scope="session")
def served_subpath_site(build_site: Callable[..., Path], serve_dir: Callable[..., SiteServer],
                        tmp_path_factory: pytest.TempPathFactory) -> ServedSite:
    """The site built with ``site_url=http://127.0.0.1:<port>/paper-digest/`` and served only there: anything
    that escapes the sub-path (absolute ``/en/`` links, a switcher or feed URL) is a 404, as on GitHub Pages."""
    site_dir = tmp_path_factory.mktemp("subpath-site")
    server = serve_dir(site_dir, SUBPATH)  # bind the port first: site_url must name it
    build_site(site_url=server.url, dest=site_dir)
    return ServedSite(site_dir, server.url)


@pytest.fixture(scope="session")
def served_site(build_site: Callable[..., Path], serve_dir: Callable[..., SiteServer],
                tmp_path_factory: pytest.TempPathFactory) -> str:
    """Base URL (``http://127.0.0.1:<port>/``) of the site served on loopback. The site is built with
    ``site_url`` = that URL (the port is bound first), as on a real host: Material resolves some requests (the
    language switcher's sitemap look-ups) against ``site_url``, so a site built for another host would miss them."""
    site_dir = tmp_path_factory.mktemp("served-site")
    server = serve_dir(site_dir)
    build_site(site_url=server.url, dest=site_dir)
    return server.url


# --------------------------------------------------------------------------------------------------- site map


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> SitePages:
    """Page map of ``built_site`` (see ``SitePages``)."""
    return load_site_pages(built_site)


# --------------------------------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser_type_launch_args(pytestconfig: pytest.Config) -> dict:
    """Launch Debian's Chromium with the project's flags. Never ``playwright install``."""
    return {
        "executable_path": CHROMIUM,
        "args": list(CHROMIUM_ARGS),
        "headless": not pytestconfig.getoption("--headed"),
    }


@dataclass
class PageWatch:
    """Everything a page did that a clean, offline-capable site must not do."""

    page: object
    """The Playwright ``Page`` being watched."""
    requests: list[str] = field(default_factory=list)
    """Every request URL the page made, in order."""
    external: list[str] = field(default_factory=list)
    """Requests to anything but 127.0.0.1 (aborted, and a failure)."""
    console_errors: list[str] = field(default_factory=list)
    """Console messages of type ``error`` (with their source location)."""
    page_errors: list[str] = field(default_factory=list)
    """Uncaught exceptions in the page."""
    checked: bool = False
    """Whether ``assert_clean`` already ran (teardown runs it otherwise)."""

    def assert_clean(self) -> None:
        """Fail if any request left 127.0.0.1, or the console logged an error, or the page threw."""
        self.checked = True
        problems = []
        if self.external:
            problems.append("requests leaving 127.0.0.1:\n  " + "\n  ".join(sorted(set(self.external))))
        if self.console_errors:
            problems.append("console errors:\n  " + "\n  ".join(self.console_errors))
        if self.page_errors:
            problems.append("page errors:\n  " + "\n  ".join(self.page_errors))
        assert not problems, "\n".join(problems)


def is_loopback(url: str) -> bool:
    """True for http(s) URLs on 127.0.0.1 and for non-network schemes (data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss"):
        return True
    return parts.hostname in LOOPBACK_HOSTS


@pytest.fixture
def page_watch(page) -> Iterator[PageWatch]:  # noqa: ANN001 - playwright Page
    """pytest-playwright's ``page``, watched: see ``PageWatch``. External requests are recorded and aborted."""
    watch = PageWatch(page)

    def on_request(request) -> None:  # noqa: ANN001
        watch.requests.append(request.url)
        if not is_loopback(request.url):
            watch.external.append(request.url)

    def on_console(msg) -> None:  # noqa: ANN001
        if msg.type == "error":
            loc = msg.location or {}
            watch.console_errors.append(f"{loc.get('url', '?')}:{loc.get('lineNumber', '?')}: {msg.text}")

    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))
    page.context.route(
        lambda url: not is_loopback(url), lambda route: route.abort("blockedbyclient")
    )
    yield watch
    if not watch.checked:
        watch.assert_clean()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """``tests/artifacts/screenshots/`` (git-ignored): browser tests write their PNGs here."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
