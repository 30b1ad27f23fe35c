"""Rules written during the twenty-third held-out set's session, each on a short text written for these
tests (other organisations, places and wording than the held-out pages)."""
from __future__ import annotations

import pytest

from tests.test_extraction_rules import found, labels


# -- members and parties --------------------------------------------------------------------------
@pytest.mark.parametrize("text, language, signer, associate, agreement, cluster", [
    ("Three organisations founded the Fenland Care Alliance by signing a memorandum of understanding. The founding "
     "partners are Wisbech Community Trust, the College of West Anglia and Fenland District Council. Anglia Ruskin "
     "University joins as an associate partner of the alliance.", "en", "College of West Anglia",
     "Anglia Ruskin University", "memorandum of understanding", "Fenland Care Alliance"),
    ("Tre organisationer stiftede Sundhedsalliancen Vestfyn ved at underskrive en samarbejdsaftale. Stifterne er "
     "Assens Kommune, Nordfyns Kommune og Syddansk Universitet. Som associeret partner støtter Odense Universitetshospital "
     "alliancen.", "da", "Syddansk Universitet", "Odense Universitetshospital", "samarbejdsaftale",
     "Sundhedsalliancen Vestfyn"),
])
def test_associate_partners_are_members_but_not_among_those_who_signed(text, language, signer, associate, agreement,
                                                                        cluster):
    relations = found(text, language)
    assert ("partyTo", signer, agreement) in relations
    assert ("memberOf", associate, cluster) in relations
    assert ("partyTo", associate, agreement) not in relations
