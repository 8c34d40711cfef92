"""Loaded by MkDocs (`hooks:` in mkdocs.yml), which puts this folder on sys.path while loading it.

The work lives in `thidua.engine`: MkDocs calls the bound methods of one `ThiduaHooks`.
"""

from thidua.engine.mkdocs_adapter import ThiduaHooks

thidua = ThiduaHooks()

on_config = thidua.on_config
on_files = thidua.on_files
on_env = thidua.on_env
on_pre_page = thidua.on_pre_page
on_page_markdown = thidua.on_page_markdown
on_page_context = thidua.on_page_context
on_post_page = thidua.on_post_page
on_post_template = thidua.on_post_template
on_page_content = thidua.on_page_content
on_post_build = thidua.on_post_build
on_build_error = thidua.on_build_error
