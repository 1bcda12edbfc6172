"""Reading uploaded files: encodings, HTML reduction, titles and the errors people see."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.documents import DocumentError, human_size, read_document, text_document

LIMIT = 1_000_000

UKRAINIAN = ("Обстріл Харкова\n\nУночі російські війська обстріляли Харків і Куп'янськ. "
             "У Київському районі Харкова пошкоджено склад, пожежу загасили до ранку. "
             "Мешканців Чугуєва попередили про можливі відключення електроенергії.")
SPANISH = ("Protestas en Bogotá\n\nMiles de personas marcharon por el centro de Bogotá y Medellín "
           "para protestar contra la subida del precio del transporte público. La policía informó "
           "de enfrentamientos aislados cerca de la Plaza de Bolívar, donde se reunió la multitud.")

ARTICLE_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Floods hit Sindh | Example News</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Floods hit Sindh</h1>
<p>Heavy monsoon rain flooded the Dadu district of Sindh province on Monday, officials in Karachi said.</p>
<p>More than 2,000 people were moved to relief camps near Sukkur as the Indus kept rising.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
<script>document.title = "tracking";</script>
</body></html>"""


def test_plain_text_with_title_line() -> None:
    doc = read_document("kharkiv.txt", b"Shelling in Kharkiv\n\nShells hit Kupiansk overnight.\n", LIMIT)
    assert doc.title == "Shelling in Kharkiv"
    assert doc.text == "Shelling in Kharkiv\n\nShells hit Kupiansk overnight."
    assert doc.source == "kharkiv.txt"


def test_markdown_heading_becomes_title_and_text_keeps_it() -> None:
    doc = read_document("lima.md", b"# Protests in Lima #\n\nThousands marched in Lima.", LIMIT)
    assert doc.title == "Protests in Lima"
    assert doc.text.startswith("# Protests in Lima")


def test_windows_line_ends_are_normalized() -> None:
    doc = read_document("a.txt", b"Title\r\nLine one in Kyiv.\r\nLine two.\r\n", LIMIT)
    assert doc.text == "Title\nLine one in Kyiv.\nLine two."


@pytest.mark.parametrize(("text", "encoding"), [(UKRAINIAN, "cp1251"), (UKRAINIAN, "utf-16"),
                                                (SPANISH, "latin-1"), (UKRAINIAN, "utf-8-sig")])
def test_legacy_and_unicode_encodings_are_detected(text: str, encoding: str) -> None:
    doc = read_document("article.txt", text.encode(encoding), LIMIT)
    assert doc.text == text
    assert doc.title == text.split("\n")[0]


def test_html_is_reduced_to_the_article_and_its_title() -> None:
    doc = read_document("sindh.html", ARTICLE_PAGE.encode("utf-8"), LIMIT)
    assert doc.title == "Floods hit Sindh"
    assert "Dadu district of Sindh province" in doc.text
    assert "relief camps near Sukkur" in doc.text
    for boilerplate in ("Home", "Copyright", "tracking"):
        assert boilerplate not in doc.text


def test_html_declared_charset_is_used() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            f'<title>Обстріл Харкова</title></head><body><p>{UKRAINIAN.split(chr(10))[2]}</p></body></html>')
    doc = read_document("kharkiv.htm", page.encode("cp1251"), LIMIT)
    assert "Київському районі Харкова" in doc.text
    assert doc.title == "Обстріл Харкова"


def test_html_fragment_without_body() -> None:
    doc = read_document("snippet.html", b"<p>Cholera cases rose in Blantyre and Zomba this week.</p>", LIMIT)
    assert doc.text == "Cholera cases rose in Blantyre and Zomba this week."


def test_html_text_keeps_markup_characters_as_text() -> None:
    page = b"<html><body><p>Officials in Kyiv wrote &lt;script&gt;alert(1)&lt;/script&gt; on a wall.</p></body></html>"
    assert "<script>alert(1)</script>" in read_document("w.html", page, LIMIT).text


def test_file_over_the_limit_is_named_with_sizes() -> None:
    with pytest.raises(DocumentError) as err:
        read_document("huge-report.txt", b"a" * 2_500_000, 2_000_000)
    assert "huge-report.txt" in str(err.value)
    assert "2.5 MB" in str(err.value) and "2.0 MB" in str(err.value)


@pytest.mark.parametrize("name", ["sheet.xlsx", "photo.png", "README"])
def test_unsupported_types_are_refused(name: str) -> None:
    with pytest.raises(DocumentError, match="unsupported file type"):
        read_document(name, b"text", LIMIT)


def test_binary_data_is_refused_by_name() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    with pytest.raises(DocumentError, match=r"image\.txt is not readable text"):
        read_document("image.txt", png, LIMIT)


@pytest.mark.parametrize("data", [b"", b"   \n\n  "])
def test_empty_files_are_refused(data: bytes) -> None:
    with pytest.raises(DocumentError, match="empty.txt holds no text"):
        read_document("empty.txt", data, LIMIT)


def test_long_first_line_is_cut_at_a_word() -> None:
    line = "Explosions rocked the city of Kyiv as Russian missiles struck various parts of the Ukrainian capital today"
    title = text_document(line + "\n\nMore.").title
    assert title.endswith("…") and len(title) <= 101
    assert line.startswith(title[:-1])


def test_pasted_text() -> None:
    doc = text_document("\ufeff  Floods in Karachi\nStreets flooded in Karachi.  ")
    assert (doc.title, doc.text, doc.source) == ("Floods in Karachi", "Floods in Karachi\nStreets flooded in Karachi.",
                                                 "pasted text")
    with pytest.raises(DocumentError):
        text_document(" \n ")


def test_human_size() -> None:
    assert [human_size(n) for n in (12, 2_048, 2_000_000)] == ["12 bytes", "2 KB", "2.0 MB"]


@given(st.binary(max_size=2_000), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_bytes_give_a_document_or_a_document_error(data: bytes, name: str) -> None:
    try:
        doc = read_document(name, data, LIMIT)
    except DocumentError as err:
        assert name in str(err)
    else:
        assert doc.text.strip() and doc.title


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=500))
def test_utf8_text_round_trips(text: str) -> None:
    if not text.strip():
        return
    assert read_document("a.txt", text.encode("utf-8"), LIMIT).text == text.strip()
