"""`thidua new`: flags for scripts, questions for people (when a flag is missing and stdin is a terminal)."""

from __future__ import annotations

import sys
from datetime import date

from ..checks.loader import load
from ..checks.dates import rewrite_hint
from ..checks.references import kind_for
from .scaffold import Answers, ScaffoldError, create, resolve

EXIT_OK, EXIT_USAGE = 0, 2
MAX_TRIES = 3


def add_parser(commands) -> None:
    new = commands.add_parser(
        "new", help="tạo tệp gương điển hình mới exemplars/<mã>.md có sẵn mọi trường",
        description="Tạo exemplars/<mã>.md; mã lấy từ tiêu đề (không dấu). Thiếu cờ nào thì hỏi (khi chạy trong terminal).")
    new.add_argument("--title", metavar="TIÊU_ĐỀ", help="tiêu đề bài viết")
    new.add_argument("--kind", metavar="LOẠI", help="cá nhân (individual) hoặc tập thể (collective)")
    new.add_argument("--name", metavar="TÊN", help="tên cá nhân hoặc tập thể được nêu gương")
    new.add_argument("--unit", metavar="MÃ_ĐƠN_VỊ", help="mã đơn vị, ví dụ phan-thiet")
    new.add_argument("--movement", action="append", dest="movements", metavar="MÃ_PHONG_TRÀO",
                     help="mã phong trào (lặp lại cờ này cho nhiều phong trào)")
    new.add_argument("--date", metavar="NGÀY", help="ngày đăng YYYY-MM-DD (mặc định: hôm nay)")
    new.add_argument("--summary", metavar="TÓM_TẮT", help="tóm tắt, tối đa 300 ký tự (mặc định: một câu mẫu để thay)")
    new.add_argument("--consent", action="store_true",
                     help="người được nêu gương đã đồng ý công bố (bắt buộc với cá nhân)")
    new.set_defaults(run=run)


def run(args) -> int:
    root = args.root.resolve()
    corpus = load(root).corpus
    interactive = sys.stdin is not None and sys.stdin.isatty()
    try:
        answers = _answers(args, corpus, interactive)
        path = create(root, answers, corpus)
    except ScaffoldError as err:
        print(f"thidua new: {err}", file=sys.stderr)
        return EXIT_USAGE
    except EOFError:
        print("\nthidua new: đã dừng, chưa tạo tệp nào.", file=sys.stderr)
        return EXIT_USAGE
    relative = path.relative_to(root).as_posix()
    print(f"Đã tạo {relative}")
    print("Tiếp theo: viết tóm tắt và câu chuyện trong tệp, rồi chạy `thidua check` và `thidua serve` để xem trước.")
    if answers.kind == "individual" and not answers.consent:
        print("Lưu ý: gương cá nhân cần consent: true; chỉ sửa khi người được nêu gương đã đồng ý công bố.",
              file=sys.stderr)
    return EXIT_OK


def _answers(args, corpus, interactive: bool) -> Answers:
    missing = [flag for flag, value in (("--title", args.title), ("--kind", args.kind), ("--name", args.name),
                                        ("--unit", args.unit), ("--movement", args.movements)) if not value]
    if missing and not interactive:
        raise ScaffoldError("thiếu " + ", ".join(missing) + " (missing options; chạy trong terminal để được hỏi)")
    # Flags are checked first: a wrong flag is refused rather than asked again.
    unit = resolve(args.unit, corpus.units, "đơn vị", "unit") if args.unit else None
    movements = [resolve(m, corpus.movements, "phong trào", "movement") for m in args.movements or []]
    when = _parse_date(args.date) if args.date else None
    kind = _kind(args.kind) if args.kind else None  # the words the question accepts: "tập thể", "cá nhân"…
    title = args.title or _ask("Tiêu đề bài viết: ", _text)
    kind = kind or _ask("Loại gương — individual (cá nhân) hay collective (tập thể): ", _kind)
    name = args.name or _ask("Tên cá nhân hoặc tập thể được nêu gương: ", _text)
    unit = unit or _ask("Mã đơn vị (ví dụ phan-thiet): ",
                        lambda v: resolve(v, corpus.units, "đơn vị", "unit"))
    movements = movements or _ask("Mã phong trào, cách nhau bằng dấu phẩy (ví dụ cai-cach-hanh-chinh): ",
                                  lambda v: _movements(v, corpus))
    if when is None:
        today = date.today()
        when = _ask(f"Ngày đăng YYYY-MM-DD [{today.isoformat()}]: ",
                    lambda v: _parse_date(v) if v.strip() else today) if interactive else today
    consent = args.consent
    if kind == "individual" and not consent and interactive:
        consent = _ask("Người được nêu gương đã đồng ý công bố thông tin chưa? (c = có, k = không): ", _yes_no)
    return Answers(title=title, kind=kind, name=name, unit=unit, movements=movements, date=when,
                   summary=args.summary, consent=consent)


def _ask(prompt: str, parse):
    for attempt in range(MAX_TRIES):
        print(prompt, end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        try:
            return parse(line.strip())
        except ScaffoldError as err:
            if attempt == MAX_TRIES - 1:
                raise
            print(f"  {err}", file=sys.stderr)
    raise AssertionError("unreachable")


def _text(value: str) -> str:
    if not value:
        raise ScaffoldError("không được để trống (empty)")
    return value


def _kind(value: str) -> str:
    kind = kind_for(value)  # as the checker reads it
    if kind is None:
        raise ScaffoldError("chỉ nhận individual (cá nhân) hoặc collective (tập thể)")
    return kind


def _movements(value: str, corpus) -> list[str]:
    items = [v for v in (part.strip() for part in value.split(",")) if v]
    if not items:
        raise ScaffoldError("cần ít nhất một phong trào (no movement)")
    return [resolve(v, corpus.movements, "phong trào", "movement") for v in items]


def _yes_no(value: str) -> bool:
    answer = value.lower()
    if answer in ("c", "có", "co", "y", "yes"):
        return True
    if answer in ("k", "không", "khong", "n", "no"):
        return False
    raise ScaffoldError("hãy trả lời c (có) hoặc k (không)")


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ScaffoldError(f"ngày “{value}” không đúng dạng YYYY-MM-DD hoặc không tồn tại (bad date)"
                            + rewrite_hint(value)) from None

