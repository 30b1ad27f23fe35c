"""Find page chrome: navigation, share buttons, cookie notes, photo credits, skip links, and
contact blocks.

Chrome spans yield no entities.  Contact blocks (lines with phone, fax, e-mail, postal address)
are kept apart: only a person with a role, an organisation next to them, or an address yields
facts there (see :mod:`ingest.actors`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Sentence
from ingest.sentences import LIST_ITEM
from ingest.tables import COLUMN_GAP, is_header_row

#: Lines that are page chrome in any of the languages read (matched at the start of a line).
_CHROME = re.compile(
    r"^(?:suche\b|search\b|zoeken\b|søg\b|menu\b|menü\b|navigation\b|home\b|start\b|startseite\b"
    r"|sie sind hier|you are here|u bent hier|du er her|skip (?:to|til)|springe? zu|naar (?:de )?inhoud"
    r"|direkt zum inhalt|delen\b|deel deze|teilen\b|share\b|del (?:på|denne)|drucken\b|print\b"
    r"|bildnachweis|bildquelle|foto(?:s)?:|photo(?:s)?:|image:|credits?:|©|copyright|fotocredit"
    r"|cookie|wir verwenden cookies|we use cookies|vi bruger cookies|wij gebruiken cookies"
    r"|filter items|keine eintr|no entries|geen resultaten|vond u wat u zocht|war diese seite"
    r"|was this page|impressum\b|datenschutz\b|privacy\b|privatlivs|nieuwsbrief|newsletter\b"
    r"|linkedin\b|facebook\b|twitter\b|instagram\b|xing\b|nach oben|back to top|terug naar boven"
    r"|tilbage til toppen|mehr erfahren|read more|lees meer|læs mere|weiterlesen"
    # the mark that closes a press release ("– Ende der Pressemitteilung –", "-ends-", "###")
    r"|[\W_]*(?:ende der (?:presse)?(?:mitteilung|information)|einde (?:van het )?(?:persbericht|bericht)"
    r"|slut på (?:presse)?meddelelsen|end of (?:the )?(?:press )?release|ends?|slut|einde|ende)[\W_]*$|#{3}\s*$)",
    re.IGNORECASE)

#: Lines that belong to a contact block.
#: The words are contact labels only before a colon, a number or the line's end ("Tel. +45 ...", "E-Mail:",
#: "Kontakt"), or at the start of a line ("Weitere Informationen ..."): "a mobile app", "Sony Mobile AB" and
#: "via the web" in a sentence are none.
_CONTACT = re.compile(
    r"(?:^|\b)(?:tel(?:efon)?|tlf|phone|fax|mobil(?:e|telefon)?|e-?mail|mail|web|telefoon"
    r"|kontakt(?:oplysning(?:er)?|person)?|contact(?:gegevens|person)?|ansprechpartner(?:in)?)\b(?=\s*(?::|\+|\d|$))"
    r"|\b(?:tel|tlf|mob|fax)\.(?=\s*(?::|[+\d]|$))"
    r"|^\W*(?:kontakt\w*|contact\w*|ansprechpartner(?:in)?|for yderligere oplysninger|weitere informationen"
    r"|meer informatie)\b|\bwww\.|[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ()/.-]{6,}\d"
    r"|^(?:D-|DK-|NL-|B-|A-|CH-)?\d{4,5}(?:\s?[A-Z]{2})?\s+(?-i:[A-ZÄÖÜÆØÅ])",  # "8500 Kortrijk"; not "2023 gründeten"
    re.IGNORECASE)


#: A line that heads a contact block ("Kontakt", "Media enquiries", "Meer informatie").
CONTACT_HEADING = re.compile(
    r"^(?:kontakt\w*(?:\s+(?:zum|zur|til|med)(?:\s+[\w-]+){1,2})?|contact(?:\s+us|(?:\s+(?:the|our))?(?:\s+[\w-]+)?\s+team"
    r"|\s+persons?)?|neem contact op(?:\s+met\s+[\w-]+)?|ansprechpartner(?:in)?|ihr(?:e)? ansprechpartner(?:in)?|pressekontakt"
    r"|media (?:enquiries|contact)|press contact|further information|more information|for more information"
    r"|meer informatie|contactpersoon|persvragen|yderligere oplysninger|for yderligere oplysninger"
    r"|presse?kontakt|kontaktperson|(?:für\s+)?rückfragen|rückfragehinweis"
    r"|(?:ihr|ihre|your|uw|jeres|din)\s+(?:kontakt\w*|contact\w*))\s*:?$", re.IGNORECASE)
#: How many short lines after a contact heading belong to its block.
_BLOCK_LINES = 8
#: A line that ends with an abbreviation (a legal form, a title), not with a full stop.
_ABBREVIATION_END = re.compile(r"(?:\b\w{1,3}\.\s?\w{1,3}\.|\b(?:Dr|Prof|Ltd|Inc|Co|St|Nr|Str)\.)$")


#: Dates and date ranges ("01/2024 - 12/2026", "3.5.2024") that look like phone numbers.
_DATES = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}/\d{4}\b|\b\d{4}\s*[-–]\s*\d{4}\b")


#: A section heading that ends a contact block ("Om SundTek Nordjylland", "Über uns", "About the network").
_SECTION_HEADING = re.compile(r"^(?:om|über|about|over)\s+\S|^(?:weitere|mehr|more|meer|flere|andere|related|lees|læs"
                              r"|read)\s+(?:news|nachrichten|meldungen|nieuws|nyheder|artikel\w*|articles|stories|ook|også"
                              r"|more)\s*:?$", re.IGNORECASE)  # "Weitere News", "Lees ook": the page's next block


def _is_menu(text: str) -> bool:
    """A line of four or more short items between bars or wide gaps: a navigation menu."""
    items = [part.strip() for part in re.split(r"\||\s{2,}", text)]
    return len(items) >= 4 and all(0 < len(part.split()) <= 3 for part in items)


#: Items of a site's navigation menu, one to a line ("Nieuws", "Events", "Over ons", "Programma's").
_NAV_ITEM = re.compile(
    r"^(?:news|nieuws|nyheder|aktuelles|neuigkeiten|nachrichten|events?|veranstaltungen|termine|agenda"
    r"|kalender|arrangementer|contact(?: us)?|kontakt(?:e| os)?|over ons|about(?: us)?|om os|über uns"
    r"|vacatures|jobs|karriere|careers?|job|presse|pers|press|media|mediathek|publicaties|publications"
    r"|publikationen|publikationer|projects|projecten|projekte|projekter|programmes|programs|programma'?s"
    r"|programme|themen|thema's|themes|topics|services|diensten|ydelser|leistungen|downloads?|login|log in"
    r"|our work|ons werk|vores arbejde|unsere arbeit|word (?:partner|lid)|become a (?:member|partner)"
    r"|bliv medlem|mitglied werden|sitemap|faq)$", re.IGNORECASE)
#: A run of short lines holding this many menu items is the site's navigation.
_NAV_ITEMS = 3


def _navigation_runs(sentences: list[Sentence], zones: dict[int, str]) -> None:
    """Menu items one to a line: in a run of short lines without a full stop, three or more items of
    a site menu make those items chrome (the other lines may be the site's name or a heading)."""
    run: list[Sentence] = []
    for s in sentences + [None]:
        text = s.text.strip() if s is not None else ""
        if s is not None and 0 < len(text.split()) <= 3 and not _ends_sentence(text) and "\n" not in text:
            run.append(s)
            continue
        items = [r for r in run if _NAV_ITEM.match(r.text.strip()) or _CHROME.match(r.text.strip())]
        if len(items) >= _NAV_ITEMS:
            for r in run:
                if r in items or _topic_item(r.text):
                    zones[r.index] = "chrome"
        run = []


#: The words of a menu item that may join two topics ("Cluster & Netzwerke", "Zorg en Welzijn").
_ITEM_JOINERS = {"&", "und", "and", "en", "og", "+", "/"}


def _topic_item(text: str) -> bool:
    """Is a short line of a site's menu a topic of common words ("Wirtschaft", "Cluster & Netzwerke"),
    not the site's name or a place ("Regionalmanagement Nordhessen")?"""
    from ingest.false_friends import zipf
    from ingest.gazetteer import gazetteer

    words = [w for w in text.split() if w.casefold() not in _ITEM_JOINERS]
    return bool(words) and all(w.isalpha() and not gazetteer().forms.get(w)
                               and max(zipf(w, lang) for lang in _MENU_LANGUAGES) >= _MENU_ZIPF for w in words)


#: Languages whose common words make menu topics, and how common (Zipf frequency) such a word is.
_MENU_LANGUAGES = ("de", "nl", "da", "en")
_MENU_ZIPF = 3.5


def _ends_sentence(text: str) -> bool:
    """Whether a line ends like a sentence (``e.V.`` and ``B.V.`` end names, not sentences)."""
    text = text.rstrip()
    return text.endswith((".", "!", "?")) and not _ABBREVIATION_END.search(text)


@dataclass(frozen=True)
class Zone:
    """A sentence's place on the page."""

    sentence: int
    kind: str  #: "chrome", "contact" or "body"


def classify(sentences: list[Sentence]) -> dict[int, str]:
    """Sentence index -> "chrome", "contact" or "body".

    The rows of a table of actors under its header row (``Partner | Type | Plaats | Rol``) are no menu,
    however short their cells.  A contact block is a run of short lines around a line with a phone
    number, e-mail address,
    postal code or contact heading; the two short lines before such a line (name, role) belong
    to it too.
    """
    zones = {s.index: "body" for s in sentences}
    columns = 0  # cells of the header row of the actor table the lines belong to, if any
    for s in sentences:
        text = s.text.strip().lstrip("•·*-–— \u00a0")
        if is_header_row(text):
            columns = text.count("|")
        elif text.count("|") != columns:
            columns = 0
        if _CHROME.match(text) or (len(text) <= 2) or _is_menu(text) and not columns:
            zones[s.index] = "chrome"
    _navigation_runs(sentences, zones)
    for s in sentences:
        if zones[s.index] == "body" and len(s.text) < 200 and _CONTACT.search(_DATES.sub(" ", s.text)):
            zones[s.index] = "contact"
            if CONTACT_HEADING.match(s.text.strip()):
                continue  # a heading opens its block: the lines above it are not part of it
            for back in (1, 2, 3):
                prev = s.index - back
                if prev < 0 or zones[prev] != "body" or len(sentences[prev].text) > 60 \
                        or sentences[prev].text.rstrip().endswith((".", ":", "!", "?")) \
                        or LIST_ITEM.match(sentences[prev].text) or COLUMN_GAP.search(sentences[prev].text):
                    break  # an infobox line ("Zetel      Venlo") is no name or role line
                zones[prev] = "contact"
    for s in sentences:
        if CONTACT_HEADING.match(s.text.strip()) and zones[s.index] != "chrome":  # not a menu item
            zones[s.index] = "contact"
            for nxt in sentences[s.index + 1:s.index + 1 + _BLOCK_LINES]:
                if zones[nxt.index] == "chrome" or len(nxt.text) > 80 or _ends_sentence(nxt.text) \
                        or _SECTION_HEADING.match(nxt.text):
                    break
                zones[nxt.index] = "contact"
    return zones


def is_chrome(text: str) -> bool:
    """Whether one line is page chrome (menus, share buttons, credits, cookie notes)."""
    return bool(_CHROME.match(text.strip()))
