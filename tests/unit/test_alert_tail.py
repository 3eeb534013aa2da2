"""`python -m services.alert tail`, pure parts: the lines printed and the filters."""

from __future__ import annotations

from services.alert.tail import lines, rtl, wanted

EVENT = {"change": "notified", "notice_kind": "update", "at": "2026-12-02T08:41:02.5Z",
         "incident": {"facility_id": "fac:sy-ghwayran-prison", "facility": "Ghwayran prison",
                      "facility_ar": "سجن غويران", "country": "SY", "severity": "critical", "article_count": 3,
                      "sources": ["a.org", "b.org", "c.org"], "languages": ["ar", "en"], "event_types": ["attack"],
                      "rule": "isis-prison-attack", "silenced": False},
         "article": {"article_id": "art_1", "lang": "ar", "source": "a.org", "evidence": "هاجم مسلحون سجن غويران."}}


def test_lines_in_logical_order() -> None:
    head, art = lines(EVENT, "none")
    assert head == ("08:41:02  CRITICAL NOTICE UPDATE    Ghwayran prison · سجن غويران (SY)  3 article(s) · "
                    "3 outlet(s) · ar,en  attack  [isis-prison-attack]")
    assert art == "    ↳ [ar] a.org: هاجم مسلحون سجن غويران."


def test_arabic_reordered_for_terminals_without_bidi() -> None:
    shown = rtl("Ghwayran prison · سجن غويران", "reorder")
    assert shown.startswith("Ghwayran prison · ") and "سجن" not in shown  # joined presentation forms, reversed
    assert rtl("Roj camp", "reorder") == "Roj camp"


def test_filters_by_severity_and_facility() -> None:
    assert wanted(EVENT, "warning", set()) and wanted(EVENT, None, {"fac:sy-ghwayran-prison"})
    assert not wanted(EVENT, None, {"fac:sy-roj-camp"})
    info = {**EVENT, "incident": {**EVENT["incident"], "severity": "info"}}  # type: ignore[dict-item]
    assert not wanted(info, "warning", set()) and wanted(info, "info", set())
