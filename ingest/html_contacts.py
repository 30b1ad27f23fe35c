"""Contact blocks of an HTML page that its main text leaves out.

trafilatura keeps a page's article and drops what stands beside it: the ``<aside>`` or footer box
headed "Kontakt", "Ihr Ansprechpartner", "Media enquiries" or "Meer informatie" goes with the menus.
Such a box names a person and the organisation they speak for (``Stefan Lauer`` over
``Projektmanager Gesundheitswirtschaft, saaris``), which the gold policy counts as an affiliation
(docs/extraction.md, "Page chrome").  :func:`contact_blocks` finds each element whose whole text is
such a heading and returns it with the lines of the elements after it, one line a paragraph (a
``<br>`` ends a line), for the reader to append to the main text; :mod:`ingest.boilerplate` then
reads them as a contact block.  A block whose lines the main text already holds (half of them or
more, each as a line of its own) is left out.
"""
from __future__ import annotations

import re

from ingest.boilerplate import CONTACT_HEADING

#: Elements that may hold a contact heading by themselves.
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "b", "dt", "div", "span", "header"}
#: Elements that end a contact block when they follow it.
_SECTION_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "nav", "form", "script", "style"}
#: At most this many elements after the heading belong to its block ...
MAX_ELEMENTS = 4
#: ... and at most this many lines.
MAX_LINES = 12
#: A heading of a few words inside a contact box ("Presse", "Media") opens a second block of it.
_SUB_HEADINGS = {"h3", "h4", "h5", "h6"}
#: A line longer than this is running text, not a line of a contact block.
MAX_LINE_CHARACTERS = 200
_BREAK = "\u2029"  # paragraph separator: no HTML page writes it in a contact line
_SPACE = re.compile(r"\s+")


def contact_blocks(html: str, main_text: str) -> list[str]:
    """The contact blocks of ``html`` missing from ``main_text``, each as its lines (heading first).

    Returns an empty list when the page cannot be parsed or has no such block: the main text alone
    is then what extraction reads, as before.
    """
    import lxml.html  # trafilatura's own parser

    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, TypeError, lxml.etree.ParserError):
        return []
    blocks, seen = [], set()
    known = {line.strip() for line in main_text.split("\n")}
    for element in root.iter(*_HEADING_TAGS):
        heading = _SPACE.sub(" ", element.text_content()).strip()
        if not CONTACT_HEADING.match(heading) or id(element) in seen:
            continue
        start = element
        while start.getparent() is not None and start.getnext() is None \
                and _SPACE.sub(" ", start.getparent().text_content()).strip() == heading:
            start = start.getparent()  # <p><strong>Kontakt</strong></p>: the block follows the <p>
        seen.update(id(e) for e in start.iter())
        lines = _lines_after(start)
        if lines and sum(line in known for line in lines) * 2 < len(lines):
            blocks.append([heading, *lines])
    return blocks


def _lines_after(heading) -> list[str]:
    """The lines of the elements after ``heading`` up to the next section, each ``<br>`` a break."""
    lines = []
    for count, sibling in enumerate(heading.itersiblings()):
        if isinstance(sibling.tag, str) and sibling.tag in _SUB_HEADINGS and heading.tag not in _SUB_HEADINGS \
                and len(sibling.text_content().split()) <= 3:
            lines.append(_SPACE.sub(" ", sibling.text_content()).strip())
            continue
        if count == MAX_ELEMENTS or not isinstance(sibling.tag, str) or sibling.tag in _SECTION_TAGS:
            break
        if _only_links(sibling):
            continue  # "More about CÚRAM", "Visit the project website": navigation, not a contact line
        for br in sibling.iter("br"):
            br.tail = _BREAK + (br.tail or "")
        for block in sibling.iter("p", "li", "div", "dd", "address"):
            if block is not sibling:
                block.tail = _BREAK + (block.tail or "")
                block.text = _BREAK + (block.text or "")
        for part in sibling.text_content().split(_BREAK):
            line = _SPACE.sub(" ", part).strip()
            if line and len(line) <= MAX_LINE_CHARACTERS:
                lines.append(line)
    return lines[:MAX_LINES]


def _only_links(element) -> bool:
    """Is all the text of ``element`` the text of links?"""
    text = _SPACE.sub("", element.text_content())
    return bool(text) and text == "".join(_SPACE.sub("", a.text_content()) for a in element.iter("a"))
