"""``digest`` — the editor's command line: parse, check, import, new.

A thin argparse layer: one ``cmd_*`` function per command over the public API
(:func:`generator.parser.parse_file`, :mod:`generator.check`, :mod:`generator.importer`,
:mod:`generator.jsonout`, :mod:`generator.enrich.translations`).
To add a command, write ``add_<name>(subparsers)`` that registers a subparser with
``set_defaults(func=cmd_<name>)`` and list it in :data:`COMMANDS`.

Every message to a person starts ``path:line:``; bad input never produces a traceback.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from . import __version__
from .check import DEFAULT_CONTENT, check_paths
from .enrich.translations import exit_status, format_report, report
from .importer import ImportRequest, import_issue, new_issue
from .jsonout import result_json
from .model import Location, Problem, Severity, visible
from .parser import parse_file
from .parser.explain import explain_lines

__all__ = ["main", "build_parser", "COMMANDS"]


def _print_problems(problems: Iterable[Problem], stream=None) -> tuple[int, int]:
    stream = stream or sys.stdout
    errors = warnings = 0
    for p in problems:
        print(p.format(), file=stream)  # format() shows control characters escaped
        errors += p.severity is Severity.ERROR
        warnings += p.severity is Severity.WARNING
    return errors, warnings


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write YYYY-MM-DD") from None


# ---- parse ---------------------------------------------------------------------------------

def cmd_parse(args: argparse.Namespace) -> int:
    """Print one parsed issue (``--json``: the object described by ``parse.schema.json``)."""
    result = parse_file(Path(args.path))
    if args.explain:
        if result.layout is not None:
            print("\n".join(visible(line) for line in explain_lines(result.layout)))
        _print_problems(result.problems)
        return 0 if result.ok and result.issue else 1
    if args.json:
        print(json.dumps(result_json(result, args.path), ensure_ascii=False, indent=2))
        _print_problems(result.problems, sys.stderr)
        return 0 if result.ok and result.issue else 1
    issue = result.issue
    if issue is not None:
        print(visible(f"{issue.path}: {issue.title or '(no title)'} — {issue.date or 'no date'}"
                      f" — {issue.author or 'no author'} — {len(issue.papers)} papers"))
        for paper in issue.papers:
            links = ", ".join(f"{link.label}={link.url or '(no address)'}" for link in paper.links) or "no links"
            print(visible(f"  {paper.position:>2}. {paper.title_ko or '-'} | {paper.title_en or '-'}  [{links}]"))
        for block in issue.blocks:
            print(visible(f"  [{block.kind.value}] line {block.location.line}: {block.title or block.text[:50]!r}"))
    _print_problems(result.problems)
    return 0 if result.ok and issue else 1


def add_parse(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="print a parsed issue", description=cmd_parse.__doc__)
    p.add_argument("--json", action="store_true", help="print JSON (see generator/schemas/parse.schema.json)")
    p.add_argument("--explain", action="store_true",
                   help="print every candidate layout with its score terms, the winner, and the rule and line "
                        "that opened each item")
    p.add_argument("path", help="a newsletter file (with or without front matter)")
    p.set_defaults(func=cmd_parse)


# ---- check ---------------------------------------------------------------------------------

def cmd_check(args: argparse.Namespace) -> int:
    """Print every problem as ``path:line: error|warning: message — hint``; exit 1 on any error."""
    problems = check_paths(args.paths)
    errors, warnings = _print_problems(problems)
    print(f"digest check: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def add_check(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check content files", description=cmd_check.__doc__)
    p.add_argument("paths", nargs="*", help="files or folders (default: content/)")
    p.set_defaults(func=cmd_check)


# ---- import / new ----------------------------------------------------------------------------

def _add_target_options(p: argparse.ArgumentParser) -> None:
    """Options naming the file to write: ``--date``, ``--slug``, ``--lang``, ``--content``, ``--force``."""
    p.add_argument("--date", required=True, type=_date, help="issue date, YYYY-MM-DD")
    p.add_argument("--slug", help="file name part after the date (ASCII; derived from the title when missing)")
    p.add_argument("--lang", default="ko", choices=("ko", "en"))
    p.add_argument("--content", default=str(DEFAULT_CONTENT), help="content folder (default: content)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")


def cmd_import(args: argparse.Namespace) -> int:
    """Convert a raw newsletter into ``content/<lang>/YYYY-MM-DD-<slug>.md`` with front matter."""
    req = ImportRequest(
        source=Path(args.src), date=args.date, content_dir=Path(args.content), slug=args.slug, lang=args.lang,
        title=args.title, author=args.author, source_name=args.source_name, source_url=args.source_url,
        force=args.force,
    )
    return _report_written(*import_issue(req))


def _report_written(target: Path | None, problems: list[Problem]) -> int:
    _print_problems(problems)
    if target is None:
        return 1
    print(f"wrote {target}")
    return 0


def add_import(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import a raw newsletter into content/", description=cmd_import.__doc__)
    p.add_argument("src", help="the raw newsletter file")
    _add_target_options(p)
    p.add_argument("--title", help="issue title, used when the body has none")
    p.add_argument("--author", help="author, used when the body names none")
    p.add_argument("--source-name", help="name of the English original newsletter")
    p.add_argument("--source-url", help="address of the English original issue")
    p.set_defaults(func=cmd_import)


def cmd_new(args: argparse.Namespace) -> int:
    """Scaffold a new issue file with front matter and one example item."""
    return _report_written(*new_issue(Path(args.content), args.date, args.title, lang=args.lang, slug=args.slug,
                                      force=args.force))


def add_new(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="start a new issue file", description=cmd_new.__doc__)
    _add_target_options(p)
    p.add_argument("--title", required=True, help="issue title")
    p.set_defaults(func=cmd_new)


# ---- translations ----------------------------------------------------------------------------

def cmd_translations(args: argparse.Namespace) -> int:
    """Report each issue as translated, missing or out of parity, with ``path:line`` for every difference."""
    if not (Path(args.content) / "ko").is_dir():
        _print_problems([Problem(Location(args.content, 0), Severity.ERROR, "no `ko/` folder here",
                                 "give the content folder that holds ko/ and en/")])
        return 1
    statuses = report(Path(args.content))
    print("\n".join(format_report(statuses)))
    return exit_status(statuses, strict=args.strict)


def add_translations(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("translations", help="report which issues are translated", description=cmd_translations.__doc__)
    p.add_argument("content", nargs="?", default=str(DEFAULT_CONTENT), help="content folder (default: content)")
    p.add_argument("--strict", action="store_true", help="also exit 1 when an issue is missing or out of parity")
    p.set_defaults(func=cmd_translations)


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [add_parse, add_check, add_import, add_new,
                                                                 add_translations]
"""Subparser registrations, in help order. Other modules' commands are appended here."""


def build_parser() -> argparse.ArgumentParser:
    """The ``digest`` argument parser with every registered command."""
    parser = argparse.ArgumentParser(prog="digest", description="Editor commands of a paper digest: start, import, "
                                     "check, parse and translate issues")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``digest`` console script."""
    for stream in (sys.stdout, sys.stderr):  # a CP949 (or ASCII) terminal: what it cannot show is escaped
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # ``digest parse … | head``: the reader has gone, which is no error of the file
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # the terminal or the disk failed us, not the content
        where = visible(str(exc.filename or "digest"))
        print(f"{where}:1: error: {exc.strerror or exc} — check the disk space and permissions, then run it again",
              file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
