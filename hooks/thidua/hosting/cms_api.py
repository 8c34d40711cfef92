"""The web form's local backend: the JSON protocol Decap CMS's proxy backend speaks, over exemplars/ only.

Decap posts `{action, params}` to `local_backend.url` (decap-cms-backend-proxy); decap-server answered it
from any path of the checkout. Here every path must be a file directly in exemplars/ (a story
`exemplars/<id>.md` or its photo); anything else is refused before a file is opened. In `git` mode drafts
are branches `cms/exemplars/<id>` (hosting/cms_git.py) and the published branch is read from git, not from
the working tree; in `fs` mode the form reads and writes exemplars/ itself. Whatever would reach the
published branch (publishing a draft, a direct save, a photo, a deletion) passes the checker first
(hosting/cms_gate.py); a refusal is the checker's own lines, which the form shows to the editor.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
import threading
from pathlib import Path, PurePosixPath

from ..content.words import word
from .cms_files import FOLDER, FsFiles, GitFiles, Refused
from .cms_git import GitError

STATUS_PREFIX = "decap-cms/"  # decap-cms-lib-util's label prefix: the status is the description's tail
# A draft's slug makes its branch name: letters, digits, "-", "_" and single dots inside (the checker then
# judges the story's id, with its own words).
SLUG = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9_-])){0,150}$")
PREFIX = re.compile(r"^[A-Za-z0-9/_-]{1,40}$")
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


class CmsApi:
    def __init__(self, root: Path, mode: str, branch: str, workdir: Path) -> None:
        self.mode, self.branch = mode, branch
        self.files = GitFiles(root, branch, workdir) if mode == "git" else FsFiles(root, workdir)
        self.lock = threading.Lock()  # one change at a time, as decap-server's mutex

    def handle(self, payload: object) -> tuple[int, object]:
        """(status, JSON) for one request; a refusal is `{"error": words}` as the proxy backend reads it."""
        try:
            if not isinstance(payload, dict) or not isinstance(payload.get("params", {}), dict):
                raise Refused(422, word("local_cms.bad_request"))
            action, params = payload.get("action"), payload.get("params") or {}
            if action == "info":
                return 200, self.info()
            if params.get("branch") != self.branch:
                raise Refused(422, word("local_cms.bad_branch", self.branch))
            method = getattr(self, f"do_{action}", None) if isinstance(action, str) and action.isalpha() else None
            if method is None or (self.mode == "fs" and action in WORKFLOW_ACTIONS):
                raise Refused(422, word("local_cms.bad_action"))
            with self.lock:
                return 200, method(params)
        except Refused as refused:
            return refused.status, {"error": refused.words}
        except (AttributeError, TypeError, KeyError, ValueError):  # a field of the wrong shape
            return 422, {"error": word("local_cms.bad_request")}
        except (GitError, OSError) as err:  # their own words are for the terminal
            print(f"thidua cms: {err}", file=sys.stderr)
            return 500, {"error": word("local_cms.failed")}

    def info(self) -> dict:
        modes = ["simple", "editorial_workflow"] if self.mode == "git" else ["simple"]
        return {"repo": "thidua", "publish_modes": modes, "type": f"local_{self.mode}"}

    # -- the published branch ------------------------------------------------------------------------------
    def do_entriesByFolder(self, params: dict) -> list:  # noqa: N802 - the protocol's names
        folder(params.get("folder"))
        extension = str(params.get("extension", "md"))
        return [self.entry(path) for path in self.files.listed() if path.endswith(f".{extension}")]

    def do_entriesByFiles(self, params: dict) -> list:  # noqa: N802
        return [self.entry(inside(item.get("path") if isinstance(item, dict) else None), item.get("label"))
                for item in params.get("files") or []]

    def do_getEntry(self, params: dict) -> dict:  # noqa: N802
        return self.entry(inside(params.get("path")))

    def entry(self, path: str, label: str | None = None) -> dict:
        data = self.files.read(path)
        file = {"path": path, "id": digest(data) if data is not None else None}
        if label:
            file["label"] = label
        return {"data": data.decode("utf-8", "replace") if data is not None else None, "file": file}

    def do_getMedia(self, params: dict) -> list:  # noqa: N802
        folder(params.get("mediaFolder"))
        return [media(path, self.files.read(path)) for path in self.files.listed() if is_photo(path)]

    def do_getMediaFile(self, params: dict) -> dict:  # noqa: N802
        path = inside(params.get("path"))
        return media(path, self.files.read(path) or refuse(404, word("local_cms.missing")))

    def do_persistMedia(self, params: dict) -> dict:  # noqa: N802
        asset = params.get("asset") or {}
        path, data = inside(asset.get("path")), decoded(asset)
        self.files.publish({path: data}, commit_message(params))
        return media(path, data)

    def do_deleteFile(self, params: dict) -> dict:  # noqa: N802
        self.files.publish({inside(params.get("path")): None}, commit_message(params))
        return {"message": "ok"}

    def do_deleteFiles(self, params: dict) -> dict:  # noqa: N802
        self.files.publish({inside(path): None for path in params.get("paths") or []}, commit_message(params))
        return {"message": "ok"}

    def do_persistEntry(self, params: dict) -> dict:  # noqa: N802
        options = params.get("options") or {}
        data_files = params.get("dataFiles") or [params.get("entry") or {}]
        changes: dict[str, bytes | None] = {}
        for data_file in data_files:
            path, raw = inside(data_file.get("path")), data_file.get("raw")
            if not isinstance(raw, str):
                raise Refused(422, word("local_cms.bad_request"))
            if data_file.get("newPath"):  # a renamed story: written under its new name, gone from the old
                changes[path], path = None, inside(data_file["newPath"])
            changes[path] = raw.encode("utf-8")
        for asset in params.get("assets") or []:
            changes[inside(asset.get("path"))] = decoded(asset)
        message = str(options.get("commitMessage") or word("local_cms.saved"))
        if not options.get("useWorkflow") or self.mode == "fs":
            self.files.publish(changes, message)
        else:
            slug = slug_of(data_files[0].get("slug"))
            self.files.save_draft(draft(options.get("collectionName"), slug), changes, message,
                                  status_label(options.get("status") or "draft", params.get("cmsLabelPrefix")))
        return {"message": "ok"}

    def do_getDeployPreview(self, params: dict) -> None:  # noqa: N802
        return None

    def do_getNotes(self, params: dict) -> dict:  # noqa: N802 - Decap 3.15 asks; there are no notes here
        return {"notes": []}

    # -- drafts (git mode) ---------------------------------------------------------------------------------
    def do_unpublishedEntries(self, params: dict) -> list:  # noqa: N802
        return [name.removeprefix("cms/") for name in self.files.drafts.drafts()
                if name.startswith(f"cms/{FOLDER}/")]

    def do_unpublishedEntry(self, params: dict) -> dict:  # noqa: N802
        collection, slug = params.get("collection"), params.get("slug")
        if params.get("id"):
            collection, _, slug = str(params["id"]).partition("/")
        branch = draft(collection, slug_of(slug))
        if self.files.drafts.tip(branch) is None:
            raise Refused(404, word("local_cms.no_draft"))
        diffs = [{"oldPath": c.path, "newPath": "" if c.status == "deleted" else c.path, "status": c.status,
                  "newFile": c.status == "added", "path": c.path, "id": c.path, "binary": not c.path.endswith(".md")}
                 for c in self.files.drafts.changes(branch)]
        label = self.files.drafts.status(branch)
        status = label[len(label_prefix(params.get("cmsLabelPrefix"))):] if label else ""
        return {"collection": collection, "slug": slug, "status": status, "diffs": diffs,
                "updatedAt": self.files.drafts.updated(branch)}

    def do_unpublishedEntryDataFile(self, params: dict) -> dict:  # noqa: N802
        data = self.files.drafts.read(self._draft(params), inside(params.get("path")))
        return {"data": data.decode("utf-8", "replace") if data is not None else None}

    def do_unpublishedEntryMediaFile(self, params: dict) -> dict:  # noqa: N802
        path = inside(params.get("path"))
        return media(path, self.files.drafts.read(self._draft(params), path) or refuse(404, word("local_cms.missing")))

    def do_deleteUnpublishedEntry(self, params: dict) -> dict:  # noqa: N802
        self.files.drafts.delete_draft(self._draft(params))
        return {"message": "ok"}

    def do_updateUnpublishedEntryStatus(self, params: dict) -> dict:  # noqa: N802
        label = status_label(params.get("newStatus"), params.get("cmsLabelPrefix"))
        self.files.drafts.set_status(self._draft(params), label)
        return {"message": "ok"}

    def do_publishUnpublishedEntry(self, params: dict) -> dict:  # noqa: N802
        self.files.publish_draft(self._draft(params), word("local_cms.published", params.get("slug")))
        return {"message": "ok"}

    def _draft(self, params: dict) -> str:
        branch = draft(params.get("collection"), slug_of(params.get("slug")))
        if self.files.drafts.tip(branch) is None:
            raise Refused(404, word("local_cms.no_draft"))
        return branch


WORKFLOW_ACTIONS = frozenset({"unpublishedEntries", "unpublishedEntry", "unpublishedEntryDataFile",
                              "unpublishedEntryMediaFile", "deleteUnpublishedEntry", "updateUnpublishedEntryStatus",
                              "publishUnpublishedEntry"})


def inside(path: object) -> str:
    """`exemplars/<name>`, a file directly in the stories' folder; anything else is refused."""
    if not isinstance(path, str) or any(bad in path for bad in ("\\", "\0", "\r", "\n")):
        refuse(403, word("local_cms.outside"))
    parts = PurePosixPath(path).parts
    if len(parts) != 2 or parts[0] != FOLDER or parts[1].startswith(".") or len(parts[1].encode()) > 200 \
            or path != f"{FOLDER}/{parts[1]}":
        refuse(403, word("local_cms.outside"))
    return path


def folder(name: object) -> None:
    if not isinstance(name, str) or name.strip("/") != FOLDER:
        refuse(403, word("local_cms.outside"))


def draft(collection: object, slug: str) -> str:
    if collection != FOLDER:
        refuse(403, word("local_cms.outside"))
    return f"cms/{FOLDER}/{slug}"


def slug_of(slug: object) -> str:
    if not isinstance(slug, str) or not SLUG.match(slug):
        refuse(422, word("local_cms.bad_request"))
    return slug


def label_prefix(prefix: object) -> str:
    """The prefix of a draft's status label (it is written into .git/config): plain characters only."""
    if prefix in (None, ""):
        return STATUS_PREFIX
    if not isinstance(prefix, str) or not PREFIX.match(prefix):
        refuse(422, word("local_cms.bad_request"))
    return prefix


def status_label(status: object, prefix: object) -> str:
    if not isinstance(status, str) or not status.replace("_", "").isalpha():
        refuse(422, word("local_cms.bad_request"))
    return label_prefix(prefix) + status


def decoded(asset: dict) -> bytes:
    try:
        return base64.b64decode(asset.get("content") or "", validate=True)
    except (ValueError, TypeError):
        return refuse(422, word("local_cms.bad_request"))


def commit_message(params: dict) -> str:
    options = params.get("options") if isinstance(params.get("options"), dict) else {}
    return str(options.get("commitMessage") or word("local_cms.saved"))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_photo(path: str) -> bool:
    return path.lower().endswith(PHOTO_SUFFIXES)


def media(path: str, data: bytes) -> dict:
    return {"id": digest(data), "content": base64.b64encode(data).decode("ascii"), "encoding": "base64",
            "path": path, "name": PurePosixPath(path).name}


def refuse(status: int, words: str):
    raise Refused(status, words)
