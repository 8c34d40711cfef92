"""The campaign site: content, checks, page plan, press and readers' files; only `engine/` imports MkDocs."""
