"""The pages' templates escape what they print, their embedded font holds every character
they show (the filter box's placeholder "行を絞り込む" was tofu
where no Japanese font is installed), and they run only their own scripts."""

from __future__ import annotations

import base64
import io
import re

import pytest
from fontTools.ttLib import TTFont

from raremetals.render import web


def test_a_template_prints_text_as_text_and_markup_as_markup(tmp_path, monkeypatch):
    """Every value a template prints is escaped as ``html.escape`` escapes it, quotes too,
    in text and in attributes; only a fragment the library marked as markup is kept."""
    from jinja2 import FileSystemLoader, UndefinedError
    from markupsafe import Markup

    (tmp_path / "t.html.j2").write_text('<p title="{{ a }}">{{ a }} {{ b }}</p>\n')
    monkeypatch.setattr(web.templates(), "loader", FileSystemLoader(tmp_path))
    name = 'Côte d\'Ivoire "<script>alert(1)</script>" & co'
    said = web.render("t.html.j2", a=name, b=Markup("<b>97%</b>"))
    escaped = "Côte d&#x27;Ivoire &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; co"
    assert said == f'<p title="{escaped}">{escaped} <b>97%</b></p>'
    with pytest.raises(UndefinedError, match="'b' is undefined"):
        web.render("t.html.j2", a=name)


def test_the_font_subset_covers_the_text_and_the_script_has_no_words_of_its_own():
    """The filter box's words are the page's (its body's data-filter, which the templates
    give the subset too): the shared script holds no word in any language."""
    rule = web.font_face("鉱種行を絞り込む")
    data = base64.b64decode(re.search(r"base64,([^\"]+)\"", rule)[1])
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    for character in "鉱種行を絞り込む":
        assert ord(character) in cmap, character
    assert web.SCRIPT.isascii() and "Filter" not in web.SCRIPT


def test_a_page_runs_only_its_own_inline_scripts():
    import hashlib

    from raremetals.render.web import with_csp

    script = "document.title = 'x';"
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        f"<body><script>{script}</script></body></html>"
    )
    out = with_csp(page)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    # the policy follows the charset, before anything that could run
    assert out.index('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"') > 0
    assert f"script-src 'sha256-{digest}';" in out and "default-src 'none'" in out
    assert "script-src 'none'" in with_csp("<html><head></head><body></body></html>")
    with pytest.raises(ValueError, match="loads no script"):
        with_csp('<html><head><script src="https://x/y.js"></script></head></html>')


def test_the_notebook_shows_markup_in_a_cell_or_heading_as_text():
    import pandas as pd

    from raremetals.render.notebook import shown

    table = pd.DataFrame({"<b>country</b>": ["<script>alert(1)</script>"], "value": [1200.0]})
    html = shown(table, whole=["value"]).data
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "&lt;b&gt;country&lt;/b&gt;" in html and ">1,200<" in html
