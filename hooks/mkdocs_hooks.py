"""Loaded by MkDocs (`hooks:` in mkdocs.yml), which puts this folder on sys.path while loading it.

The work lives in `thidua.engine.mkdocs_adapter`, the only module besides `thidua.engine.building` that imports MkDocs.
"""

from thidua.engine.mkdocs_adapter import (  # noqa: F401 - MkDocs looks these names up on this module
    on_build_error,
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_markdown,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_pre_page,
)
