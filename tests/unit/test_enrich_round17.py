"""Round-17 fixes made by the lead outside the surveys: input that crashed the engine (an English state adjective
whose words are separated by more than one space, a no-break space or a line break: the regex accepts any run of
white space, the look-up table keyed on one space). Every passage is written for this file."""

from __future__ import annotations

import pytest

from services.enrich.enrichment import enrich
from shared.annotation import Annotation
from tests.unit.enrich_support import real_gazetteer


def _ann(text: str) -> Annotation:
    return enrich(text, real_gazetteer())


@pytest.mark.parametrize("sep", ["  ", "\u00a0", "\n", "\t", " \n  "])
def test_state_adjective_with_any_white_space_names_its_state(sep: str) -> None:
    ann = _ann(f"The United{sep}States forces met the convoy near the camp.")
    assert {a.id for a in ann.actors} == {"actor:us"}


@pytest.mark.parametrize("sep", ["  ", "\u00a0", "\n"])
def test_coordinated_state_adjectives_with_any_white_space(sep: str) -> None:
    ann = _ann(f"The United{sep}States and French forces left the base; US,{sep}British and French forces stayed.")
    assert {"actor:us", "actor:france-gov", "actor:uk-gov"} <= {a.id for a in ann.actors}
