"""Detect the language of a document with lingua, restricted to the languages HIN reads.

The detector is built once (lazily) for de, nl, da, en, fr, sv and nb, which keeps it fast.  On
text too short to tell, the fallback is the given default (English unless said otherwise).
"""
from __future__ import annotations

from functools import lru_cache

#: ISO 639-1 codes that detection can return.
LANGUAGES = ("da", "de", "en", "fr", "nb", "nl", "sv")

#: Below this many letters the guess is not trusted and ``default`` is returned.
MIN_LETTERS = 12


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.GERMAN, Language.DUTCH, Language.DANISH, Language.ENGLISH,
                 Language.FRENCH, Language.SWEDISH, Language.BOKMAL]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the language ``text`` is written in.

    Parameters
    ----------
    text : str
        Any text; only its first 5,000 characters are read.
    default : str
        Returned when the text is too short or the detector cannot decide.

    >>> detect_language("Die Region setzt auf fünf Handlungsfelder und die Gesundheitswirtschaft.")
    'de'
    """
    sample = text[:5000]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return default
    found = _detector().detect_language_of(sample)
    if found is None:
        return default
    code = found.iso_code_639_1.name.lower()
    return code if code in LANGUAGES else default
