from meetmalmo.core.markdown import render


def test_markdown_becomes_html():
    link = '<a href="https://malmo.se" rel="noopener nofollow">länk</a>'
    assert (
        render("**fet** och [länk](https://malmo.se)") == f"<p><strong>fet</strong> och {link}</p>"
    )


def test_scripts_styles_handlers_and_bad_links_are_removed():
    html = render(
        '<script>alert(1)</script><img src=x onerror=alert(1)><p style="x" onclick="y">t</p>'
        "[a](javascript:alert(1)) <iframe src=//evil></iframe>"
    )
    for bad in ("<script", "onerror", "onclick", "style=", "javascript:", "<iframe", "<img"):
        assert bad not in html


def test_empty_text_gives_nothing():
    assert render("") == "" and render(None) == ""


def test_headings_are_kept_at_levels_two_and_three_under_the_pages_title():
    html = render("# Bakgrund\n\n## Resultat\n\n### Siffror\n\n#### Detaljer")
    assert html == "<h2>Bakgrund</h2>\n<h2>Resultat</h2>\n<h3>Siffror</h3>\n<h3>Detaljer</h3>"


def test_lists_links_and_quotes_are_kept():
    html = render("- ett\n- två\n\n1. först\n\n> Citat med [länk](https://malmo.se)")
    assert "<ul>\n<li>ett</li>\n<li>två</li>\n</ul>" in html
    assert "<ol>\n<li>först</li>\n</ol>" in html
    assert '<blockquote>\n<p>Citat med <a href="https://malmo.se" rel="noopener nofollow">' in html


def test_a_heading_written_as_html_keeps_no_attributes():
    html = render('<h1 onclick="x" style="y">Rubrik</h1>')
    assert "onclick" not in html and "style" not in html and "<h1" not in html
