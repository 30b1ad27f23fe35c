"""Place names that are common words: "Namen" (German and Dutch "names") is also a Dutch name of
Namur, "Lille" (Danish "small") is a French city, "Gerne" a transliteration of Herne.

A stoplist written by hand only ever holds the cases someone has met.  Here word frequencies
decide (wordfreq, the Zipf scale: 6 is one word in a thousand, 3 one in a million).  A city's name
is used about as often as the city is large (a Zipf value near ``log10(population) - 0.8`` in a
language that has a name for it: München 5.3, Oostende 4.1); a written form that is used far more
often than that in the document's language is a common word there.  A city's own name in a
language of its own country is exempt ("Odense" in Danish, "Essen" in German): there the
hand-kept stoplist of ``ingest/lexicon/region_words.tsv`` decides.
"""
from __future__ import annotations

import math
from functools import lru_cache

#: Below this Zipf value a form is never a common word (about ten in a million words).
COMMON_ZIPF = 4.0
#: How far above a city's expected frequency a form must be to count as a common word.
EXCESS = 0.4
#: Languages wordfreq knows among the document languages.
_KNOWN = {"de", "nl", "da", "en", "fr", "sv", "nb"}


@lru_cache(maxsize=65536)
def zipf(form: str, language: str) -> float:
    """Zipf frequency of ``form`` (lower-cased) in ``language``, 0 when unknown."""
    if language not in _KNOWN:
        return 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(form.casefold(), language)


def frequent(word: str, language: str, floor: float = COMMON_ZIPF) -> bool:
    """Is ``word`` used at least as often as ``floor`` (Zipf) in English or in ``language``? Names
    written in English on pages of any language ("Connected Care", "Health Technology") are tested in
    both."""
    return max(zipf(word, "en"), zipf(word, language)) >= floor


def common_word(form: str, language: str, population: int, own_name: bool) -> bool:
    """Is the city name ``form`` rather a common word in a document of ``language``?

    Parameters
    ----------
    form : str
        The written form as it stands in the text.
    language : str
        ISO 639-1 code of the document.
    population : int
        The city's population (GeoNames), its expected frequency.
    own_name : bool
        The form is the city's own name and ``language`` is spoken in its country.

    Examples
    --------
    >>> common_word("Namen", "de", 110_000, False), common_word("München", "de", 1_260_000, False)
    (True, False)
    """
    if own_name:
        return False
    frequency = zipf(form, language)
    if frequency < COMMON_ZIPF:
        return False
    return frequency - (math.log10(max(population, 10)) - 0.8) >= EXCESS


__all__ = ["COMMON_ZIPF", "EXCESS", "common_word", "zipf"]
