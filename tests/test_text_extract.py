import pytest

from eventwatch.errors import TextError
from eventwatch.models import RawDoc
from eventwatch.text.extract import normalise_date, to_article

BODY = ("<p>Police in the capital detained twelve activists on Tuesday after a march against the new "
        "security law, according to witnesses who spoke to reporters near the square.</p>"
        "<p>The interior ministry said the detainees had violated a ban on public gatherings and would "
        "appear before a judge later this week. Lawyers said they had not been allowed to see their "
        "clients.</p>")


def page(body=BODY, head="", charset="utf-8"):
    return (f"<html><head><meta charset=\"{charset}\"><title>Activists detained</title>{head}</head>"
            f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article>{body}"
            "<p>Sign up for breaking news alerts by email!</p><p>By registering, you accept our terms of service.</p>"
            "</article><footer>Copyright 2024 The Daily Example</footer></body></html>")


META = ('<meta property="article:published_time" content="2021-03-04T10:00:00Z">'
        '<meta property="og:site_name" content="The Daily Example"><meta name="author" content="Jane Roe">')


def test_text_plain_text_unchanged_with_boilerplate_spans():
    text = ("  Police detained forty students on Thursday.\r\n\r\nSign up for breaking news alerts by email!\r\n"
            "By registering, you accept our terms of service.\r\n")
    art = to_article(RawDoc(id="t", content=text, source="s", url="https://www.example.org/x"))
    assert art.text == text
    assert [text[s:e] for s, e in art.boilerplate] == [
        "Sign up for breaking news alerts by email!", "By registering, you accept our terms of service."]
    assert art.publisher == "example.org" and art.language == "en"
    assert len(art.minhash) == 128 and len(art.content_hash) == 64


def test_text_html_main_text_and_metadata():
    art = to_article(RawDoc(id="h", content=page(head=META).encode("utf-8"), kind="html",
                            url="https://www.example.org/a"))
    assert "detained twelve activists" in art.text
    assert "Home" not in art.text and "World" not in art.text.split("\n")[0]
    assert art.title == "Activists detained" and art.author == "Jane Roe"
    assert art.publisher == "The Daily Example" and art.publication_date == "2021-03-04"
    marked = [art.text[s:e] for s, e in art.boilerplate]
    assert "Sign up for breaking news alerts by email!" in marked
    assert "By registering, you accept our terms of service." in marked
    assert not any("detained" in m for m in marked)


@pytest.mark.parametrize("record_date,head,default,expected", [
    ("2020-01-13", META, "2019-05-05", "2020-01-13"),
    (None, META, "2019-05-05", "2021-03-04"),
    (None, "", "2019-05-05", "2019-05-05"),
    (None, "", None, None),
])
def test_text_publication_date_precedence(record_date, head, default, expected):
    raw = RawDoc(id="d", content=page(head=head).encode(), kind="html", publication_date=record_date,
                 published_default=default)
    assert to_article(raw).publication_date == expected


@pytest.mark.parametrize("data", [
    # Declares latin-1 but is UTF-8: strict UTF-8 wins.
    page(body=BODY.replace("capital", "capital’s café district"), charset="iso-8859-1").encode("utf-8"),
    # Declares windows-1252 and is.
    page(body=BODY.replace("capital", "capital’s café district"), charset="windows-1252").encode("cp1252"),
    # Declares latin-1 and is cp1252 (curly quote 0x92): browsers read it as cp1252 too.
    page(body=BODY.replace("capital", "capital’s café district"), charset="iso-8859-1").encode("cp1252"),
])
def test_text_html_charsets(data):
    art = to_article(RawDoc(id="c", content=data, kind="html"))
    assert "capital’s café district" in art.text


def test_text_html_undeclared_cp1252_guessed():
    html = ("<html><body><article>" + BODY.replace("capital", "capital’s café district") * 3
            + "</article></body></html>")
    art = to_article(RawDoc(id="c", content=html.encode("cp1252"), kind="html"))
    assert "café" in art.text


def test_text_malformed_html_still_extracts():
    html = ("<html><body><div><p>Police in the capital detained twelve activists on Tuesday after a march"
            " <b>against the new security law<p>The interior ministry said the detainees had violated a ban"
            " <table><tr><td>on public gatherings</div></span>")
    art = to_article(RawDoc(id="m", content=html.encode(), kind="html"))
    assert "detained twelve activists" in art.text


@pytest.mark.parametrize("raw", [
    RawDoc(id="e", content=""),
    RawDoc(id="e", content="  \n\t "),
    RawDoc(id="b", content="\x00\x01\x02\x03binary\x00"),
    RawDoc(id="b", content=b"\x00\x01\x02\x03binary\x00", kind="html"),
    RawDoc(id="n", content=b"<html><head><title>x</title></head><body></body></html>", kind="html"),
    RawDoc(id="w", content=b"", kind="html"),
])
def test_text_unusable_input_raises_text_error(raw):
    with pytest.raises(TextError) as info:
        to_article(raw)
    assert info.value.stage == "text" and info.value.doc_id == raw.id


def test_text_non_english_language():
    text = ("La police a arrêté des dizaines de manifestants devant le parlement mardi, "
            "et l'opposition a accusé le gouvernement de faire taire les critiques.")
    assert to_article(RawDoc(id="f", content=text)).language == "fr"


@pytest.mark.parametrize("value,expected", [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05T10:00:00+02:00", "2024-03-05"),
    ("2024-03", "2024-03"),
    ("2024", "2024"),
    ("March 5, 2024", "2024-03-05"),
    ("5 March 2024", "2024-03-05"),
    ("", None),
    (None, None),
    ("not a date", None),
    ("2024-02-30", None),
])
def test_text_normalise_date(value, expected):
    assert normalise_date(value)[0] == expected


def test_text_html_article_page_boilerplate_and_byline():
    from pathlib import Path

    data = (Path(__file__).parent / "data" / "ingest" / "article_page.html").read_bytes()
    art = to_article(RawDoc(id="p", content=data, kind="html", url="https://www.example.com/x"))
    assert "sentenced the editor of an independent newspaper" in art.text
    assert "Related stories" not in art.text and "Politics" not in art.text
    marked = [art.text[s:e] for s, e in art.boilerplate]
    assert "Advertisement" in marked
    assert "Read more: Journalists detained after border protest" in marked
    assert not any("sentenced" in m or "condemned" in m for m in marked)
    assert art.author == "Sam Writer" and art.publication_date == "2023-06-02"
    assert art.title == "Court jails editor for three years"


@pytest.mark.shared
def test_text_seed_corpus_boilerplate_marked_text_unchanged():
    from pathlib import Path

    from eventwatch.ingest import iter_raw

    seed = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed-hrw-hong-kong.txt"
    if not seed.exists():
        pytest.skip(f"shared corpus not available at {seed}")
    [raw] = list(iter_raw([str(seed)], published="2020-01-13"))
    art = to_article(raw)
    assert art.text == seed.read_text("utf-8")
    marked = [art.text[s:e] for s, e in art.boilerplate]
    # the sign-up form's two closing lines (read from the file: its words are not ours to copy)
    assert marked == [p.strip() for p in seed.read_text("utf-8").strip().split("\n\n")[-2:]]
    assert art.language == "en" and art.publication_date == "2020-01-13"


@pytest.mark.parametrize("fragment,expected", [
    ("<p>Police in the capital detained twelve activists on Tuesday.</p>",
     "Police in the capital detained twelve activists on Tuesday."),
    ("<p>First paragraph about the arrests.</p><p>Second paragraph with the reaction.</p>",
     "First paragraph about the arrests.\nSecond paragraph with the reaction."),
    ("<div>A court jailed the editor.<br>His lawyer said he would appeal.</div>",
     "A court jailed the editor.\nHis lawyer said he would appeal."),
])
def test_text_html_fragment_extracted(fragment, expected):
    assert to_article(RawDoc(id="f", content=fragment.encode(), kind="html")).text == expected


@pytest.mark.parametrize("text,encoding", [
    ("Protesters in São Paulo marched on Friday, señor Núñez said.", "latin-1"),
    ("Café owners in Montréal “closed” their doors – again.", "cp1252"),
    ("Москва заявила о протесте против новых санкций Евросоюза.", "cp1251"),
    ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για τους διαδηλωτές στην Αθήνα.", "cp1253"),
])
def test_text_decode_wrongly_declared_utf8_page(text, encoding):
    from eventwatch.text.html import decode_html

    page = f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'.encode(encoding)
    decoded, warnings = decode_html(page)
    assert text in decoded
    assert any("does not decode" in w for w in warnings)


@pytest.mark.parametrize("text,encoding", [
    ("Protesters in São Paulo marched on Friday.", "latin-1"),
    ("Café owners in Montréal “closed” their doors – again.", "cp1252"),
    ("Москва заявила о протесте против новых санкций Евросоюза.", "cp1251"),
])
def test_text_decode_plain_text_without_declaration(text, encoding):
    from eventwatch.ingest.common import decode_text

    assert decode_text(text.encode(encoding)) == text
