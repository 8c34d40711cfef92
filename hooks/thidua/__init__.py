"""The campaign site's content model and generators; only `mkdocs_adapter` and `building` import MkDocs."""
