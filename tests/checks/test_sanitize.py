"""The one allow-list every rendered body passes (site/sanitize.py)."""

import markdown
from thidua.checks.sanitize import clean_html, urls_in


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


def test_every_url_the_link_policy_refuses_is_dropped_whatever_reaches_the_sanitiser():
    given = ('<a href="//evil.example/">1</a><a href=" /\t/evil.example/">2</a><a href="/\\evil.example/">3</a>'
             '<a href="\\\\evil.example/">4</a><a href="http://x.vn/">5</a><a href="jav&#x09;ascript:x">6</a>'
             '<a href="https://x.vn/">7</a><a href="../phong-trao/">8</a><a href="#muc">9</a>')
    assert clean_html(given) == ('<a>1</a><a>2</a><a>3</a><a>4</a><a>5</a><a>6</a><a href="https://x.vn/">7</a>'
                                 '<a href="../phong-trao/">8</a><a href="#muc">9</a>')
    story = clean_html(given, site_paths=False)  # a story copied elsewhere: no path inside the site
    assert 'href="../phong-trao/"' not in story and 'href="https://x.vn/"' in story and 'href="#muc"' in story


def test_the_checker_reads_every_url_attribute_of_every_element_as_the_sanitiser_parses_it():
    assert urls_in('<a href\n="//e/1">x</a><form action="jav&#x09;ascript:x"></form>'
                   '<img srcset="https://a/ 1x, //e/2 2x">'
                   '<math><mi xlink:href="javascript:y">m</mi></math><p title="//not-a-url">t</p>') == [
        ("a", "href", "//e/1"), ("form", "action", "jav\tascript:x"), ("img", "srcset", "https://a/"),
        ("img", "srcset", "//e/2"), ("mi", "href", "javascript:y")]
