"""Classes of main text the HTML stage used to lose or keep wrongly (issue 9, main text).

Each case is a small page of our own: a report of two paragraphs around the construct under test.
Measured on trafilatura's English eval pages with benchmarks/bench_main_text.py.
"""
import pytest

from eventwatch.models import RawDoc
from eventwatch.text.extract import to_article
from eventwatch.text.html import extract_html, strip_marked_off

PARA_A = ("<p>The harbour authority said on Tuesday that the new ferry terminal would open in the spring, "
          "after two years of building work and a long argument about its cost to the town.</p>")
PARA_B = ("<p>Councillors voted on Monday to keep the old pier open for fishing boats until the end of the "
          "decade, against the advice of the engineers who surveyed it last winter.</p>")


def page(middle: str, after: str = "") -> str:
    return ("<html><head><title>Ferry terminal to open</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>Ferry terminal to open</h1>{PARA_A}{middle}{PARA_B}</article>{after}"
            "<footer>Contact us</footer></body></html>")


COMMENTS = ("<div id='comments' class='comments-area'><ol class='comment-list'><li class='comment'>"
            "<div class='comment-content'><p>About time the ferry got a proper building.</p></div></li></ol></div>")
MARKED_OFF = ("<!--googleoff: all--><div class='nextstory'><h2><a href='/other'>Lighthouse keepers return</a></h2>"
              "<p>The lighthouse on the northern cape has its keepers back after thirty years of automatic "
              "operation, the coastal trust said in a statement about the staffing of its stations.</p>"
              "</div><!--googleon: all-->")

# (case, page, snippet that must be in the main text with the default settings)
KEPT = [
    ("a paragraph that is one link (precision mode drops it)",
     page("<p><a href='http://example.org/report'>The full report from the authority</a></p>"),
     "The full report from the authority"),
    ("table cells", page("<table><tr><th>route</th><th>crossings</th></tr>"
                         "<tr><td>Northgate</td><td>14 a day</td></tr></table>"), "14 a day"),
    ("reader comments, after the report", page("", COMMENTS), "About time the ferry got a proper building."),
]


@pytest.mark.parametrize("case,html,snippet", KEPT, ids=[k[0] for k in KEPT])
def test_text_html_keeps_class(case, html, snippet):
    text = extract_html(html).text
    assert snippet in text
    assert "harbour authority said" in text and "Councillors voted" in text


# (setting, value, page, snippet the setting takes out)
SETTINGS = [
    ("HTML_FAVOR_PRECISION", "1", KEPT[0][1], KEPT[0][2]),
    ("HTML_INCLUDE_TABLES", "0", KEPT[1][1], KEPT[1][2]),
    ("HTML_INCLUDE_COMMENTS", "0", KEPT[2][1], KEPT[2][2]),
]


@pytest.mark.parametrize("name,value,html,snippet", SETTINGS, ids=[s[0].lower() for s in SETTINGS])
def test_text_html_setting_turns_class_off(monkeypatch, name, value, html, snippet):
    monkeypatch.setenv(f"EVENTWATCH_{name}", value)
    text = extract_html(html).text
    assert snippet not in text
    assert "harbour authority said" in text


@pytest.mark.parametrize("after", [MARKED_OFF, MARKED_OFF.upper().replace("<DIV", "<div").replace("</DIV>", "</div>")],
                         ids=["lower", "upper-case markers"])
def test_text_html_drops_marked_off_region(after):
    text = extract_html(page("", after)).text
    assert "lighthouse" not in text.lower()
    assert "harbour authority said" in text


@pytest.mark.parametrize("html", [
    "<p>one</p><!--googleoff: all--><p>two</p>",  # never closed: nothing is dropped
    "<p>one</p><!--googleoff: snippet--><p>two</p><!--googleon: snippet-->",  # snippet markers hide nothing from the text
], ids=["unclosed", "snippet-only"])
def test_text_html_keeps_unpaired_or_snippet_markers(html):
    assert "two" in strip_marked_off(html)


def test_text_html_comments_are_marked_boilerplate():
    html = page("", COMMENTS)
    art = to_article(RawDoc(id="c1", content=html.encode(), kind="html", source="t"))
    start = art.text.index("About time")
    assert any(s <= start and start + 10 <= e for s, e in art.boilerplate), art.boilerplate
    report = art.text.index("Councillors voted")
    assert not any(s <= report < e for s, e in art.boilerplate)
