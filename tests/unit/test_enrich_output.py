"""The engine builds its output models without validation (services/enrich/output.py): check that what it
builds is exactly what the strict models of shared/annotation.py would have produced."""

from __future__ import annotations

import json
import os
from datetime import datetime
from typing import Any

import pytest
from pydantic import ValidationError

from services.enrich import output
from services.enrich.enrichment import enrich
from shared.annotation import Annotation, FacilityMention
from tests.unit.enrich_support import DEVSET, SEED, fixture_gazetteer, real_gazetteer


def _texts() -> list[tuple[str, str | None, datetime | None]]:
    out: list[tuple[str, str | None, datetime | None]] = []
    for line in DEVSET.read_text(encoding="utf-8").splitlines():
        if line.strip():
            it = json.loads(line)
            pub = it.get("published_at")
            published = datetime.fromisoformat(pub.replace("Z", "+00:00")) if pub else None
            out.append((it["text"], it.get("lang"), published))
            out.append((it["text"].upper(), None, None))
    if SEED.exists():
        out.append((SEED.read_text(encoding="utf-8"), None, datetime(2025, 2, 1)))
    return out


def _same_as_validated(ann: Annotation) -> None:
    strict = Annotation.model_validate(ann.model_dump())  # every constraint, every type coercion
    assert strict == ann
    assert repr(strict.model_dump()) == repr(ann.model_dump())  # same Python types (1.0, not 1)
    assert strict.model_dump_json() == ann.model_dump_json()  # same field order
    assert Annotation.model_validate_json(ann.model_dump_json()) == ann
    assert ann.model_fields_set == strict.model_fields_set


def test_engine_output_passes_the_strict_model() -> None:
    gaz = real_gazetteer()
    n_mentions = 0
    for text, lang, pub in _texts():
        ann = enrich(text, gaz, lang=lang, published_at=pub)
        _same_as_validated(ann)
        for m in (*ann.places, *ann.facilities, *ann.actors):
            assert text[m.start : m.end] == m.surface
            n_mentions += 1
    assert n_mentions > 500


def test_fixture_gazetteer_output_passes_the_strict_model() -> None:
    text = "Women were moved from al-Hol camp to Roj camp near Hasakah; سجن غويران في الحسكة"
    _same_as_validated(enrich(text, fixture_gazetteer(), lang="en"))


def test_built_models_are_frozen_and_copyable() -> None:
    f = output.facility("al-Hol camp", 0, 11, "fac:x", "al-Hol camp", 0.97, "SY", 36.4, 41.1, None, "camp")
    assert f == FacilityMention.model_validate(f.model_dump())
    with pytest.raises(ValidationError):
        f.start = 3  # type: ignore[misc]
    g = f.model_copy(update={"start": 1})
    assert (g.start, f.start) == (1, 0)
    assert f.model_fields_set == set(FacilityMention.model_fields)


def test_each_built_model_has_its_own_fields_set_and_a_wrong_arity_is_refused() -> None:
    a = output.actor("ISIS", 0, 4, "act:isis", "Islamic State", 0.9)
    b = output.actor("SDF", 5, 8, "act:sdf", "Syrian Democratic Forces", 0.9)
    assert a.model_fields_set is not b.model_fields_set
    assert a.model_dump() == {"surface": "ISIS", "start": 0, "end": 4, "id": "act:isis",
                              "canonical": "Islamic State", "confidence": 0.9}
    with pytest.raises(TypeError, match="6 positional values"):
        output.actor("ISIS", 0, 4)  # type: ignore[call-arg]


def test_the_compiled_maker_builds_what_the_python_one_builds() -> None:
    """The compiled Maker (vectorcall, a copy of a blank dict of the field names) and the Python maker: the same
    values in the same order, each instance its own dict and fields set; keywords and a wrong arity refused."""
    from services.enrich import backend
    from shared.annotation import PlaceMention

    if backend.NATIVE is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the compiled part is not built (CI builds it: setup.py build_ext)")
        pytest.skip("the compiled part is not built")
    values = ("Idlib", 10, 15, "city:sy-idlib", "Idlib", 0.9, "SY", 35.9, 36.6, None)
    fields: dict[str, Any] = dict(zip(PlaceMention.model_fields, values, strict=True))
    python_made = PlaceMention.model_construct(**fields)
    was = backend.PATH.native
    try:
        backend.PATH.native = backend.NATIVE
        a = output.place(*values)
        b = output.place(*values)
        with pytest.raises(TypeError, match="10 positional values"):
            output.place(*values, extra=1)  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="10 positional values"):
            output.place(*values[:9])  # type: ignore[call-arg]
        backend.PATH.native = None
        fallback = output.place(*values)
    finally:
        backend.PATH.native = was
    for m in (a, fallback):
        assert list(m.__dict__.items()) == list(python_made.__dict__.items())
        assert m.model_fields_set == python_made.model_fields_set
        assert m.model_dump_json() == python_made.model_dump_json()
    assert a.__dict__ is not b.__dict__ and a.model_fields_set is not b.model_fields_set
