"""The one allow-list every rendered body passes (site/sanitize.py)."""

import markdown
from thidua.checks.sanitize import clean_html


def rendered(text: str) -> str:
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "admonition", "toc", "fenced_code"],
                           extension_configs={"toc": {"permalink": "¶"}})
    return clean_html(md.convert(text))


def test_what_markdown_extensions_write_is_kept():
    html = rendered('## Mục {#muc}\n\n!!! note "Lưu ý"\n    Chữ.\n\n```sh\nmake\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |')
    for kept in ('<h2 id="muc">', 'class="headerlink"', '<div class="admonition note">', 'class="admonition-title"',
                 '<code class="language-sh">', "<table>", "<td>1</td>"):
        assert kept in html, kept


def test_attr_list_cannot_add_handlers_styles_or_the_themes_classes():
    html = rendered('Đoạn văn\n{: onclick="alert(1)" style="display:none" class="md-header note" }\n\n'
                    '[x](https://x.vn/){: onmouseover="alert(1)" href="javascript:alert(1)" }')
    assert "onclick" not in html and "onmouseover" not in html and "style" not in html
    assert "md-header" not in html and 'class="note"' in html
    assert "javascript" not in html


def test_raw_html_keeps_its_text_and_loses_its_power():
    html = rendered('<div markdown>Chữ **đậm**</div>\n\n<form action="https://x.vn/"><input name="q"></form>'
                    '<iframe src="https://x.vn/"></iframe><img src="x" onerror="alert(1)"><script>alert(1)</script>')
    assert "<strong>đậm</strong>" in html
    for gone in ("<form", "<input", "<iframe", "<img", "<script", "alert(1)"):
        assert gone not in html, gone


def test_a_language_class_is_only_letters_digits_and_signs():
    assert 'class="language-sh"' in clean_html('<code class="language-sh">x</code>')
    assert "class" not in clean_html('<code class="language-&quot;onclick">x</code>')
