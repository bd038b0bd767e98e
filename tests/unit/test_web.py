"""The pages' embedded font holds every character they show, the script's own words too
(the filter box's placeholder "行を絞り込む" was tofu where no Japanese font is installed)."""

from __future__ import annotations

import base64
import io
import re

from fontTools.ttLib import TTFont

from raremetals.core import web


def test_the_font_subset_covers_the_scripts_words():
    rule = web.font_face("鉱種")
    data = base64.b64decode(re.search(r"base64,([^\"]+)\"", rule)[1])
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    for character in "鉱種行を絞り込む":
        assert ord(character) in cmap, character
