"""Rule 29s (the lead's spentcity29 helper, round 29, read from the spent r29b/r29e splits; not blind): a city's
bare name whose sentence speaks of detention at another site in the city (a stadium, a group's offices, a
ceremony), of a group's detainees, or of the city's own force is the city, not the prison named after it; the
prisons that are bywords by their city's name keep their reading (sentences of our own wording)."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann

RAQQA_PRISON = "fac:sy-raqqa-central-prison"
RAQQA = "geonames:172955"


def _facs(text: str) -> list[str | None]:
    return [f.id for f in real_ann(text).facilities]


def test_another_site_in_the_city_is_where_the_detention_is() -> None:
    for text in ("A football stadium in Raqqa became a big prison for ISIS, with cells and torture rooms.",
                 "ISIS turned the stadium in Raqqa into a prison with solitary cells.",
                 "حوّل التنظيم الملعب البلدي في الرقة إلى سجن فيه زنازين وغرف تعذيب.",
                 "ملعب كرة في الرقة صار سجناً كبيراً للتنظيم بحسب صور نشرتها قوات سوريا الديمقراطية.",
                 "تجمعت الأمهات أمام مقر التنظيم في الرقة للسؤال عن أبنائهن المعتقلين.",
                 'تتجمع الأمهات كل يوم أمام مقار "داعش" في الرقة طلباً لأي خبر عن أبنائهن المحتجزين.'):
        ann = real_ann(text)
        assert RAQQA_PRISON not in [f.id for f in ann.facilities], text
        assert not ann.alert, text
        assert RAQQA in [p.id for p in ann.places], text


def test_a_groups_detainees_in_the_city() -> None:
    text = "يبحث الأهالي عن أبنائهم المحتجزين لدى التنظيم في الرقة."
    assert _facs(text) == [], text
    assert RAQQA in [p.id for p in real_ann(text).places]


def test_the_citys_own_force_frees_prisoners() -> None:
    for text in ("On Saturday the RISF, Raqqa's Internal Security Forces, freed 23 prisoners held on charges of "
                 "working for ISIS at a ceremony attended by tribal elders.",
                 "Raqqa's internal security forces released 40 prisoners held on ISIS charges."):
        ann = real_ann(text)
        assert RAQQA_PRISON not in [f.id for f in ann.facilities], text
        assert not ann.alert, text


def test_bywords_and_the_prisons_own_blocks_keep_the_prison() -> None:
    for text, fid in (("He spent ten years in Tadmur where inmates were tortured daily.", "fac:sy-tadmur-prison"),
                      ("Thousands were hanged in secret at Sednaya, Amnesty said.", "fac:sy-sednaya-prison"),
                      ("Prisoners in Roumieh went on hunger strike over overcrowding.", "fac:lb-roumieh-prison"),
                      ("Inmates rioted in Building B in Roumieh on Sunday.", "fac:lb-roumieh-prison"),
                      ('اندلع تمرد في المبنى "ب" في رومية احتجاجاً على الاكتظاظ بين السجناء.',
                       "fac:lb-roumieh-prison"),
                      ("Roumieh's prisoners went on hunger strike.", "fac:lb-roumieh-prison"),
                      ("Sednaya's inmates were hanged in batches.", "fac:sy-sednaya-prison"),
                      ("The detainees were tortured at Abu Ghraib by US guards.", "fac:iq-abu-ghraib-prison"),
                      ("أعدم مئات السجناء في تدمر عام 1980.", "fac:sy-tadmur-prison"),
                      ("تحتجز قسد عناصر التنظيم في سجن غويران والشدادي والرقة، بينما تبقى عائلاتهم في الهول.",
                       RAQQA_PRISON)):
        assert fid in _facs(text), text
