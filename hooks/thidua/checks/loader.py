"""Loading `content/` and `exemplars/` into a `Corpus`, collecting every problem on the way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..content import files, urls
from ..content.model import (
    Anniversary,
    Corpus,
    Correction,
    Directive,
    Exemplar,
    Grouping,
    Movement,
    MovementKind,
    Plan,
    Report,
    Unit,
    UnitType,
)
from ..content.moments import moment, parse_time
from ..content.problems import ContentError, Problem, ProcessingError, processing
from ..content.source import MAX_FRONT_CHARS, Document, read_data, read_document
from ..content.text import photo_credit, slugify
from . import (
    commendations,
    controls,
    dates,
    docs,
    duplicates,
    groupings,
    hygiene,
    photos,
    placeholders,
    periods,
    privacy,
    references,
    reading,
    schemas,
    strays,
    tone,
    verdicts,
)

_reference = references.reference_problems  # the one place references are resolved, `thidua new`'s too
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PHOTO_SUFFIX = re.compile(r"^[a-z0-9]{1,5}$")  # which format it is, the content decides (checks/photos.py)
# A name with spaces or diacritics breaks `srcset` (candidates end at whitespace) and some feed readers.
PHOTO_NAME = ("tên tệp ảnh “{name}” chỉ được có chữ thường không dấu, chữ số và gạch ngang: hãy đổi tên tệp "
              "thành “{suggestion}” (photo file name)")
EXEMPLAR_PLAIN_FIELDS = frozenset({"title", "name", "summary", "award", "photo_alt", "photo_credit", "corrections"})
RESERVED_ID = "mã “{id}” trùng với địa chỉ /{url} mà trang dùng sẵn: hãy đổi tên tệp (reserved id)"
RESERVED_ALIAS = "mã cũ “{id}” trùng với địa chỉ /{url} mà trang dùng sẵn: hãy xóa mã cũ này (reserved id)"


@dataclass
class Loaded:
    corpus: Corpus
    problems: list[Problem] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)  # "exemplars/<id>" -> its parsed file
    local: list[Problem] = field(default_factory=list)  # all but the checks across stories (aliases, duplicates)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def load_corpus(root: Path) -> Corpus:
    """The whole corpus, or a `ContentError` listing every error."""
    loaded = load(root)
    if loaded.errors:
        raise ContentError(loaded.errors)
    return loaded.corpus


def load(root: Path) -> Loaded:
    root = root.resolve()
    reading.begin(root)
    remembered = verdicts.begin(root)
    problems: list[Problem] = files.link_problems(root)
    reader = _Reader(root, problems)
    unit_types = {key: UnitType(key, order=n, **value) for n, (key, value)
                  in enumerate(reader.taxonomy(root / "content" / "unit-types.yml", "unit-types").meta.items(), 1)}
    kinds = {key: MovementKind(key, order=n, **value) for n, (key, value)
             in enumerate(reader.taxonomy(root / "content" / "movement-kinds.yml", "movement-kinds").meta.items(), 1)}
    plans = reader.each(root / "content" / "plans", _plan)
    movements = reader.each(root / "content" / "movements", _movement)
    units = reader.each(root / "content" / "units", _unit)
    groupings = _groupings(reader, root / "content" / "groupings.yml")
    corpus = Corpus(plans, movements, unit_types, units, movement_kinds=kinds, groupings=groupings)
    problems += _cross_check_taxonomy(corpus, reader.documents)
    corpus.exemplars = reader.each(root / "exemplars", lambda doc: _exemplar(doc, corpus, root))
    corpus.commendations = reader.each(root / commendations.FOLDER, commendations.builder(corpus, root), commendations.MAX_FRONT)
    problems += strays.stray_problems(root) + docs.docs_problems(root)  # change only with a full reading
    across = _across_stories(corpus, reader.documents)
    verdicts.finish(remembered)
    return Loaded(corpus, sorted(set(problems + across)), reader.documents, problems)


def reload_exemplar(previous: Loaded, root: Path, path: Path) -> Loaded:
    """What `load` would now give after one exemplar file changed (or went), reading only that file."""
    root = root.resolve()
    reading.begin(root)
    exemplar_id = path.stem
    source = (root / "exemplars" / path.name).relative_to(root).as_posix()
    local = [p for p in previous.local if p.path != source]
    documents = {key: doc for key, doc in previous.documents.items() if key != f"exemplars/{exemplar_id}"}
    exemplars = {key: e for key, e in previous.corpus.exemplars.items() if key != exemplar_id}
    corpus = replace(previous.corpus, exemplars=exemplars)
    reader = _Reader(root, local)
    reader.documents = documents
    if (root / source).exists():
        reader.one(root / source, exemplars, lambda doc: _exemplar(doc, corpus, root))
    corpus.exemplars = dict(sorted(exemplars.items(), key=lambda item: f"{item[0]}.md"))  # as `load` reads them
    return Loaded(corpus, sorted(set(local + _across_stories(corpus, documents))), documents, local)


def _across_stories(corpus: Corpus, documents: dict[str, Document]) -> list[Problem]:
    return _check_aliases(corpus, documents) + duplicates.duplicate_problems(corpus, documents)


class _Reader:
    def __init__(self, root: Path, problems: list[Problem]) -> None:
        self.root, self.problems = root, problems
        self.documents: dict[str, Document] = {}

    def each(self, folder: Path, build, max_front: int = MAX_FRONT_CHARS) -> dict:
        items = {}
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            self.one(path, items, build, max_front)
        return items

    def one(self, path: Path, items: dict, build, max_front: int = MAX_FRONT_CHARS) -> None:
        """Read one file into `items` (by id), its problems into `self.problems`."""
        item_id, relative = path.stem, path.relative_to(self.root).as_posix()
        if path.is_dir():
            self.problems.append(Problem(relative, 1, "-", f"“{path.name}” là một thư mục, không phải tệp bài viết: "
                                         "hãy đổi tên thư mục (folder named .md)"))
            return
        try:
            with processing(relative):
                doc = read_document(path, self.root, max_front)
                item = build(doc)
        except ContentError as err:
            self.problems += err.problems
            return
        except ProcessingError as err:  # never a traceback: the file is named, the rest is still checked
            self.problems.append(err.problem)
            return
        found: list[Problem] = []
        if not SLUG.match(item_id):
            found.append(Problem(doc.path, 1, "id", f"tên tệp “{path.name}” phải là mã viết thường, không dấu, "
                                 "nối bằng gạch ngang, ví dụ to-tu-quan-khu-pho-1.md (file name is not a slug)"))
        found += item.problems
        self.problems += found
        if not any(p.is_error for p in found):
            items[item_id] = item.value
            self.documents[f"{path.parent.name}/{item_id}"] = doc

    def taxonomy(self, path: Path, schema: str) -> Document:
        """A data file of ids (unit types, movement kinds, groupings), checked against its schema.

        Its `meta` keeps the file's order; it is empty when the file has errors (they are reported)."""
        relative = path.relative_to(self.root).as_posix()
        if not path.is_file():
            self.problems.append(Problem(relative, 1, "-", f"thiếu tệp {relative}: tệp này khai báo các mã mà nội dung "
                                         "dùng, hãy khôi phục tệp (missing file)"))
            return Document(relative, {}, "", 1)
        try:
            doc = read_data(path, self.root)
        except ContentError as err:
            self.problems += err.problems
            return Document(relative, {}, "", 1)
        doc.meta = doc.meta or {}  # a file of comments only declares nothing
        found = schemas.schema_problems(doc, schema) + hygiene.text_problems(doc, frozenset(doc.meta))  # all plain
        self.problems += found
        if any(p.is_error for p in found):
            doc.meta = {}
        return doc


@dataclass
class _Built:
    value: object
    problems: list[Problem]


def _time(value):
    """A time of day the schema has already checked the shape of."""
    return parse_time(value) if isinstance(value, str) else None


def _base_problems(doc: Document, schema: str, plain: frozenset[str] | None = None,
                   extra_properties: dict | None = None) -> list[Problem]:
    """What every Markdown source must satisfy: the schema, clean text, a bounded body and safe links in what
    the build renders of it (plans, movements and units may also link to paths inside the site)."""
    plain = frozenset(map(str, doc.meta)) if plain is None else plain  # every field of plans, movements, units
    return (schemas.schema_problems(doc, schema, extra_properties) + hygiene.text_problems(doc, plain)
            + controls.control_problems(doc) + reading.body_problems(doc, story=schema == "exemplar"))


def _groupings(reader: _Reader, path: Path) -> dict[str, Grouping]:
    """content/groupings.yml: further ways to group stories; absent or empty means none."""
    if not path.is_file():
        return {}
    doc = reader.taxonomy(path, "groupings")
    taken = groupings.collision_problems(doc, reader.root)
    reader.problems += taken
    found = {}
    for order, (key, value) in enumerate(doc.meta.items(), 1):
        if any(p.field.split(".")[0] == key for p in taken):
            continue
        found[key] = Grouping(key, value["label"], value["field"], dict(value["terms"]), order,
                                  value.get("description", ""))
    return found


def grouping_properties(corpus: Corpus) -> dict:
    """The front-matter keys the groupings add to the exemplar schema: lists of their terms."""
    return {g.field: {"type": "array", "minItems": 1, "uniqueItems": True, "title": g.label,
                      "description": f"Mã {g.label.lower()}: " + ", ".join(g.terms),
                      "items": {"enum": list(g.terms)}}
            for g in corpus.groupings.values()}


def _plan(doc: Document) -> _Built:
    problems = _base_problems(doc, "plan")
    if problems:
        return _Built(None, problems)
    m = doc.meta
    d = lambda key, value: dates.real_date(doc, key, value, problems)  # noqa: E731
    plan = Plan(
        id=Path(doc.path).stem, title=m["title"], short_title=m.get("short_title", m["title"]), issuer=m["issuer"],
        signer_name=m["signer"]["name"], signer_title=m["signer"]["title"],
        period_start=d("period.start", m["period"]["start"]), period_end=d("period.end", m["period"]["end"]),
        period_label=m["period"].get("label", ""),
        report_deadline=d("report.deadline", m["report"]["deadline"]),
        report_to=m["report"].get("to", ""), report_via=m["report"].get("via", ""),
        directives=tuple(Directive(x["number"], d(f"directives[{i}].date", x["date"]), x["issuer"], x["subject"])
                         for i, x in enumerate(m.get("directives", ()))),
        anniversaries=tuple(Anniversary(x["name"], d(f"anniversaries[{i}].origin", x["origin"]),
                                        d(f"anniversaries[{i}].date", x["date"]))
                            for i, x in enumerate(m.get("anniversaries", ()))),
        recipients=tuple(m.get("recipients", ())), body=doc.body, issuer_short=m.get("issuer_short", m["issuer"]),
    )
    return _Built(plan, problems)


def _movement(doc: Document) -> _Built:
    problems = _base_problems(doc, "movement")
    if problems:
        return _Built(None, problems)
    m = doc.meta
    return _Built(Movement(
        id=Path(doc.path).stem, title=m["title"], short_title=m.get("short_title", m["title"]), plan=m["plan"],
        kind=m["kind"], order=m["order"], asks=doc.body, parent=m.get("parent"), plan_section=m.get("plan_section"),
        media_topics=tuple(m.get("media_topics", ())),
    ), problems)


def _unit(doc: Document) -> _Built:
    problems = _base_problems(doc, "unit")
    if problems:
        return _Built(None, problems)
    m = doc.meta
    reports = tuple(Report(r["plan"], dates.real_date(doc, f"reports[{i}].submitted", r["submitted"], problems), r["text"])
                    for i, r in enumerate(m.get("reports", [])))
    return _Built(Unit(
        id=Path(doc.path).stem, name=m["name"], short_name=m.get("short_name", m["name"]), type=m["type"],
        order=m.get("order", 1000), description=doc.body.strip(), locality=m.get("locality"),
        cluster=m.get("cluster"), reports=reports,
    ), problems)


def _exemplar(doc: Document, corpus: Corpus, root: Path) -> _Built:
    extra = grouping_properties(corpus)
    problems = verdicts.remembered(doc, lambda: (
        _base_problems(doc, "exemplar", EXEMPLAR_PLAIN_FIELDS, extra) + tone.tone_problems(doc)
        + privacy.personal_data_problems(doc) + placeholders.placeholder_problems(doc)), story=True, context=repr(extra))
    problems = references.with_suggested_ids(problems, doc, corpus)  # `unit: Hàm Thuận Nam`: its id
    m = doc.meta
    problems += _reference(doc, "unit", m.get("unit"), corpus.units, "đơn vị")
    for i, movement in enumerate(m["movements"] if isinstance(m.get("movements"), list) else []):
        problems += _reference(doc, f"movements[{i}]", movement, corpus.movements, "phong trào")
    published = dates.real_date(doc, "date", m.get("date"), problems)
    updated = dates.real_date(doc, "updated", m.get("updated"), problems)
    problems += periods.period_problems(doc, published, corpus)
    if published and updated and updated < published:
        problems.append(doc.problem("updated", "ngày cập nhật đứng trước ngày đăng (updated before date)"))
    at = _time(m.get("time"))
    corrections = []
    for i, c in enumerate(m["corrections"] if isinstance(m.get("corrections"), list) else []):
        when = dates.real_date(doc, f"corrections[{i}].date", c.get("date") if isinstance(c, dict) else None, problems)
        if when and published and when < published:
            problems.append(doc.problem(f"corrections[{i}].date", "ngày đính chính đứng trước ngày đăng"))
        if when and isinstance(c, dict) and isinstance(c.get("note"), str):
            correction = Correction(when, c["note"], _time(c.get("time")))
            if published and when == published and correction.at <= moment(published, at):
                problems.append(doc.problem(f"corrections[{i}].time", "đính chính trong ngày đăng cần time (giờ "
                                            "đính chính, dạng \"HH:MM\") muộn hơn giờ đăng (correction time)"))
            corrections.append(correction)
    photo = _photo_path(doc, m.get("photo"), root, problems)
    if photo:
        problems += photos.photo_problems(doc, root / photo)
    if any(p.is_error for p in problems):
        return _Built(None, problems)
    return _Built(Exemplar(
        id=Path(doc.path).stem, title=m["title"], kind=m["kind"], name=m["name"], unit=m["unit"],
        movements=tuple(m["movements"]), date=published, summary=m["summary"], body=doc.body, source=doc.path,
        award=m.get("award"), photo=photo, photo_alt=m.get("photo_alt"), photo_credit=photo_credit(m.get("photo_credit")),
        consent=m.get("consent", False), updated=updated, corrections=tuple(corrections),
        sample=m.get("sample", False), aliases=tuple(m.get("aliases", ())), time=at,
        groups=tuple((g.id, tuple(m[g.field])) for g in corpus.groupings.values() if g.field in m),
    ), problems)


def _photo_path(doc: Document, value, root: Path, problems: list[Problem]) -> str | None:
    """The photo's repository-relative path; it must be a file beside the exemplar, inside the repository."""
    if not isinstance(value, str) or not value:
        return None
    control = next((c for c in value if ord(c) < 32 or ord(c) == 127), None)
    if control is not None:
        problems.append(doc.problem("photo", f"tên tệp ảnh có ký tự điều khiển (U+{ord(control):04X}): hãy gõ lại "
                                    "tên tệp (control character in photo name)"))
        return None
    if value.startswith(("/", "\\")) or ".." in Path(value).parts or ":" in value:
        problems.append(doc.problem("photo", "đường dẫn ảnh phải là tên tệp đặt cạnh bài, không dùng “..” "
                                    "hay đường dẫn tuyệt đối (photo path escapes the folder)"))
        return None
    stem, dot, suffix = value.rpartition(".")
    if not (dot and SLUG.match(stem) and PHOTO_SUFFIX.match(suffix)):
        suggestion = f"{slugify(stem if dot else value) or 'anh'}.{suffix.lower() if dot else 'jpg'}"
        problems.append(doc.problem("photo", PHOTO_NAME.format(name=value[:60], suggestion=suggestion)))
        return None
    folder = (root / doc.path).parent
    path = folder / value
    try:
        linked = path.is_symlink() or not path.resolve().is_relative_to(folder.resolve())
        is_file, is_dir = path.is_file(), path.is_dir()
    except (OSError, RuntimeError):  # a name too long for the file system, a loop of links
        problems.append(doc.problem("photo", f"không mở được tệp ảnh “{value}”: hãy đặt tên tệp ngắn gọn, ví dụ "
                                    "anh-to-tu-quan.jpg (photo cannot be opened)"))
        return None
    if linked:
        problems.append(doc.problem("photo", "ảnh không được là liên kết trỏ ra ngoài thư mục (photo is a link)"))
    elif is_dir:
        problems.append(doc.problem("photo", f"“{value}” là một thư mục, không phải tệp ảnh (photo is a folder)"))
    elif not is_file:
        problems.append(doc.problem("photo", f"không tìm thấy tệp ảnh “{value}” cạnh bài (photo file missing)"))
    else:
        return path.relative_to(root).as_posix()
    return None


def _cross_check_taxonomy(corpus: Corpus, documents: dict[str, Document]) -> list[Problem]:
    problems = []
    for movement in corpus.movements.values():
        doc = documents[f"movements/{movement.id}"]
        problems += _reference(doc, "plan", movement.plan, corpus.plans, "kế hoạch")
        problems += _reference(doc, "kind", movement.kind, corpus.movement_kinds, "loại phong trào")
        if movement.parent:
            problems += _reference(doc, "parent", movement.parent, corpus.movements, "phong trào")
    for unit in corpus.units.values():
        doc = documents[f"units/{unit.id}"]
        problems += _reference(doc, "type", unit.type, corpus.unit_types, "loại đơn vị")
        for i, report in enumerate(unit.reports):
            problems += _reference(doc, f"reports[{i}].plan", report.plan, corpus.plans, "kế hoạch")
        for key in ("locality", "cluster"):
            problems += _reference(doc, key, getattr(unit, key), corpus.units, "đơn vị")
    return problems


def _check_aliases(corpus: Corpus, documents: dict[str, Document]) -> list[Problem]:
    """An id or alias must not take over a live id, another story's alias or a URL of the site's own."""
    problems, owner = [], {}
    for exemplar in corpus.exemplars.values():
        doc = documents[f"exemplars/{exemplar.id}"]
        if exemplar.id in urls.RESERVED_EXEMPLAR_IDS:
            problems.append(Problem(doc.path, 1, "id", RESERVED_ID.format(id=exemplar.id, url=urls.exemplar(exemplar.id))))
        for i, alias in enumerate(exemplar.aliases):
            if alias in urls.RESERVED_EXEMPLAR_IDS:
                problems.append(doc.problem(f"aliases[{i}]", RESERVED_ALIAS.format(id=alias, url=urls.exemplar(alias))))
            elif alias in corpus.exemplars:
                problems.append(doc.problem(f"aliases[{i}]", f"mã cũ “{alias}” trùng với một bài đang có (duplicate id)"))
            elif alias in owner:
                problems.append(doc.problem(f"aliases[{i}]", f"mã cũ “{alias}” đã là mã cũ của bài “{owner[alias]}” (duplicate id)"))
            owner.setdefault(alias, exemplar.id)
    return problems
