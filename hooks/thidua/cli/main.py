"""The `thidua` command: check content, build or preview the site."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..checks.loader import load
from ..content.problems import Problem
from ..content.words import word
from ..site.settings import SettingsError, config_problems, parse_as_of, contact_warnings
from . import cms_command, new_command, selection

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
AS_OF_ENV = "THIDUA_AS_OF"  # the build date from CI's environment, when --as-of is not given


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage error (code 2) or the help (code 0)
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    if not hasattr(args, "run"):  # `thidua` alone: say what it can do
        parser.print_help()
        return EXIT_OK
    if args.root is not None and not args.root.is_dir():
        print(f"thidua: {word('cli.no_root', args.root)}", file=sys.stderr)
        return EXIT_USAGE
    args.root = find_root(args.root or Path.cwd())
    if args.root is None:
        print(f"thidua: {word('cli.no_repository')}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except SettingsError as err:
        print(f"thidua: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as err:  # Ctrl+C, or SIGTERM during a build (engine/building.py)
        print(f"\nthidua: {word('cli.interrupted')}", file=sys.stderr)
        return 128 + getattr(err, "signum", 2)
    except Exception as err:  # never a traceback for editors; THIDUA_DEBUG=1 shows it to developers
        if os.environ.get("THIDUA_DEBUG"):
            raise
        print(f"thidua: {word('cli.internal_error', f'{type(err).__name__}: {err}')}", file=sys.stderr)
        return EXIT_ERRORS


CONFIG = "mkdocs.yml"


def find_root(start: Path) -> Path | None:
    """The repository's root: `start` or the nearest folder above it holding mkdocs.yml, so that the command
    works from a subfolder such as exemplars/. Paths in messages stay relative to this root."""
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if (folder / CONFIG).is_file()), None)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thidua", description=word("cli.description"))
    parser.add_argument("--root", type=Path, metavar="THƯ_MỤC", help=word("cli.root"))
    commands = parser.add_subparsers(title=word("cli.commands"))

    check = commands.add_parser("check", help="kiểm tra toàn bộ nội dung; in mỗi lỗi một dòng path:line: field: message")
    check.add_argument("--format", choices=["text", "github"], default="text",
                       help="github: in chú thích GitHub Actions trên dòng bị lỗi")
    check.add_argument("paths", nargs="*", type=Path, metavar="TỆP",
                       help="chỉ báo lỗi của các tệp (hoặc thư mục) này; mã đơn vị, phong trào vẫn được đối chiếu với toàn bộ nội dung")
    check.set_defaults(run=_check)

    build = commands.add_parser("build", help="kiểm tra rồi dựng trang vào site/ (chỉ thay site/ khi dựng thành công)")
    build.add_argument("--as-of", metavar="NGÀY", default=os.environ.get(AS_OF_ENV),
                       help=f"ngày build YYYY-MM-DD: bài có ngày sau ngày này chưa được công bố (mặc định: {AS_OF_ENV} hoặc hôm nay)")
    build.add_argument("--site-dir", type=Path, metavar="THƯ_MỤC", help="thư mục đầu ra (mặc định: site/)")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="xem trước tại http://127.0.0.1:8000; lưu một bài là trang cập nhật ngay")
    serve.add_argument("--port", type=int, default=8000, metavar="CỔNG", help="cổng trên 127.0.0.1 (mặc định: 8000; 0: một cổng còn trống)")
    serve.add_argument("--as-of", metavar="NGÀY", default=os.environ.get(AS_OF_ENV),
                       help="ngày build YYYY-MM-DD như thidua build (mặc định: hôm nay)")
    serve.set_defaults(run=_serve)

    deploy = commands.add_parser("deploy", help="đưa site/ đã dựng lên kho S3 (chỉ tệp thay đổi), qua rclone")
    deploy.add_argument("target", metavar="s3://BUCKET/THƯ-MỤC")
    deploy.add_argument("--site-dir", type=Path, metavar="THƯ_MỤC", help="thư mục đã dựng (mặc định: site/)")
    deploy.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không tải lên")
    deploy.set_defaults(run=_deploy)

    new_command.add_parser(commands)
    cms_command.add_parser(commands)
    for command in commands.choices.values():  # `thidua check --root x` as well as `thidua --root x check`
        command.add_argument("--root", type=Path, default=argparse.SUPPRESS, metavar="THƯ_MỤC",
                             help=word("cli.root"))
    return parser


def _speak_vietnamese() -> None:
    """argparse's own words ("usage:", "options:", its errors) from the catalogue; argparse looks them up
    through its module-level `_` and `ngettext` each time it prints."""
    translated = word("argparse")
    argparse._ = lambda message: translated.get(message, message)
    argparse.ngettext = lambda one, many, n: translated.get(one if n == 1 else many, one if n == 1 else many)


_speak_vietnamese()


def _check(args) -> int:
    try:
        selected = selection.resolve_paths(args.root, args.paths)
    except selection.SelectionError as err:
        print(f"thidua check: {err}", file=sys.stderr)
        return EXIT_USAGE
    problems = selection.only(load(args.root).problems + config_problems(args.root), selected)
    _report(problems, args.format)
    return EXIT_ERRORS if any(p.is_error for p in problems) else EXIT_OK


def _build(args) -> int:
    """Build; the adapter validates the content once, inside the build, with the same messages as check."""
    from ..engine.building import BuildFailed, build_outcome
    from ..engine.output import OutputRefused
    from ..hosting.footprint import report

    as_of = parse_as_of(args.as_of) if args.as_of else None
    try:
        outcome = build_outcome(args.root, args.site_dir, as_of)
    except OutputRefused as err:
        print(f"thidua build: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BuildFailed as err:
        print(err)
        print("Chưa dựng được trang: hãy sửa các lỗi trên. site/ cũ được giữ nguyên.", file=sys.stderr)
        return EXIT_ERRORS
    for warning in outcome.warnings:
        print(warning, file=sys.stderr)
    for warning in contact_warnings(args.root):
        print(f"cảnh báo: {warning}", file=sys.stderr)
    print(f"Đã dựng trang vào {outcome.site}")
    print(report(outcome.footprint))
    return EXIT_OK


def _deploy(args) -> int:
    from ..hosting.deploy import DeployError, deploy

    try:
        done = deploy((args.site_dir or args.root / "site").resolve(), args.target, args.dry_run)
    except DeployError as err:
        print(f"thidua deploy: {err}", file=sys.stderr)
        return EXIT_ERRORS
    verb = "Sẽ tải lên" if args.dry_run else "Đã tải lên"
    print(f"{verb} {len(done.uploaded)} tệp thay đổi, xoá {len(done.deleted)} tệp cũ ({args.target}).")
    return EXIT_OK


def _serve(args) -> int:
    from ..engine.preview_server import serve

    return serve(args.root.resolve(), args.port, parse_as_of(args.as_of) if args.as_of else None)


def _report(problems: list[Problem], fmt: str) -> None:
    for problem in problems:
        print(_github(problem) if fmt == "github" else str(problem))
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    summary = "Nội dung hợp lệ." if not errors else f"{errors} lỗi"
    if warnings:
        summary += f" ({warnings} cảnh báo)" if errors else f" {warnings} cảnh báo."
    print(summary, file=sys.stderr)


def _github(problem: Problem) -> str:
    level = "error" if problem.is_error else "warning"
    message = message_escape(problem.message)
    prop = lambda value: message_escape(value).replace(":", "%3A").replace(",", "%2C")  # noqa: E731
    return f"::{level} file={prop(problem.path)},line={problem.line},title={prop(problem.field)}::{message}"


def message_escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


if __name__ == "__main__":
    sys.exit(main())
