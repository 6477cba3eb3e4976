"""The *bare* side of the benchmark: the same pages as plain Material, without the generator.

:func:`write_bare_site` dumps the pages our generator renders (both languages) as Markdown files
— front matter ``title``/``hide`` like the plugin sets, the rendered HTML as the body — into
``<dest>/ko/docs`` and ``<dest>/en/docs``, next to the project's static ``docs/`` files, and
writes two configs made from the project's ``mkdocs.yml`` with the ``digest`` plugin and the
theme overrides taken out (same theme features, palette, search options, nav and Markdown
extensions). ``python -m bench.bare KO.yml EN.yml`` builds both in one process, Korean at the
root and English into ``<site>/en/``: the same shape as our build, whose English tree is a
nested build in the same process.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils import yaml_load

from generator.build import RenderedPage
from generator.mkdocs_plugin import FAVICON, STYLESHEETS, THEME_DIR

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BareSite:
    """Where :func:`write_bare_site` put things."""

    configs: tuple[Path, Path]
    """Korean and English ``mkdocs.yml`` of the bare site."""

    site_dir: Path
    """Output folder of the Korean build (English goes to ``site_dir/en``)."""


def _page_markdown(rendered: RenderedPage) -> str:
    meta: dict = {"title": rendered.page.title}
    if rendered.page.kind != "home":
        meta["hide"] = ["toc"]
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{rendered.html}\n"


def _config(project: dict, lang: str, docs_dir: Path, site_dir: Path, site_url: str) -> dict:
    config = {key: value for key, value in project.items() if key not in ("plugins", "theme")}
    theme = {key: value for key, value in project["theme"].items() if key != "custom_dir"}
    theme["language"] = lang
    theme.setdefault("favicon", FAVICON)
    config["extra_css"] = [*STYLESHEETS, *project.get("extra_css", [])]
    plugins = [p for p in project.get("plugins", []) if not (p == "digest" or (isinstance(p, dict) and "digest" in p))]
    config.update(theme=theme, plugins=plugins, docs_dir=str(docs_dir), site_dir=str(site_dir), site_url=site_url)
    return config


def write_bare_site(pages: dict[str, tuple[RenderedPage, ...]], dest: Path, site_url: str,
                    project_config: Path = ROOT / "mkdocs.yml") -> BareSite:
    """Write the bare site of ``pages`` (``{"ko": …, "en": …}``) under ``dest``."""
    dest = dest.resolve()
    with project_config.open(encoding="utf-8") as handle:
        project = yaml_load(handle)
    shutil.rmtree(dest, ignore_errors=True)
    site_dir = dest / "site"
    configs = []
    for lang, rendered_pages in pages.items():
        docs = dest / lang / "docs"
        shutil.copytree(THEME_DIR / "assets", docs / "assets")  # our stylesheets and favicon, as static files
        for rendered in rendered_pages:
            target = docs / rendered.page.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_page_markdown(rendered), encoding="utf-8")
        primary = lang == next(iter(pages))
        config = _config(project, lang, docs, site_dir if primary else site_dir / lang,
                         site_url if primary else f"{site_url}{lang}/")
        path = dest / lang / "mkdocs.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        configs.append(path)
    return BareSite(configs=(configs[0], configs[1]), site_dir=site_dir)


def main(argv: list[str]) -> int:
    """Build each config in turn, in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for path in argv:
        build(load_config(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
