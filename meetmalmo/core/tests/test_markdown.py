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
