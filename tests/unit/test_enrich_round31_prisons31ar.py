"""Rule 31k (helper prisons31ar, round 31): the Arabic words of a lawyer and his client (`محامو`, `المحامين`,
`موكلهم`, `موكلتها`) and of vaults searched for the missing (`أقبية`, `سراديب`, `المفقودين`, `المختفين`) weigh for a
known prison's bare name in its sentence (engine_rules `weak_prison`, as "lawyer", "visits", "dungeons" and
"disappeared" do in English). Own wording after stored reports; near-misses beside them."""

from __future__ import annotations

from tests.unit.enrich_support import real_ann


def _ids(text: str) -> set[str | None]:
    return {f.id for f in real_ann(text).facilities}


def test_lawyers_meeting_their_client_in_a_known_prison() -> None:
    for text, fid in (("رفضت السلطات للمرة العاشرة طلب المحامين لقاء موكلهم في إمرالي.", "fac:tr-imrali-prison"),
                      ("تقدّم محامو أوجلان بطلب جديد إلى النيابة العامة في بورصة للقاء موكلهم في إمرالي، ولم يتلقوا"
                       " رداً حتى الآن.", "fac:tr-imrali-prison"),
                      ("قالت محامية الصحفية إن موكلتها ما زالت في إيفين دون أي زيارة عائلية.", "open:prison:evin")):
        ann = real_ann(text)
        assert ann.alert, text
        assert _ids(text) == {fid}, text


def test_vaults_and_the_missing_at_a_known_prison() -> None:
    text = ("ينتظر ذوو المفقودين أمام بوابة صيدنايا منذ الفجر، بينما تواصل فرق الدفاع المدني البحث عن أقبية سرية"
            " تحت المبنى.")
    assert real_ann(text).alert
    assert _ids(text) == {"fac:sy-sednaya-prison"}
    assert _ids("تبحث فرق الإنقاذ عن أقبية وسراديب تحت صيدنايا بعد شهادات عن معتقلين ما زالوا محتجزين.") == {
        "fac:sy-sednaya-prison"}


def test_the_same_words_where_the_town_or_no_prison_is_meant() -> None:
    for text in ("زار المحامي موكله في مكتبه بمدينة صيدنايا لتوقيع عقد بيع أرض.",
                 "سراديب دير الشيروبيم في صيدنايا تجذب الزوار كل صيف.",
                 "افتتح المحامي مكتباً جديداً في حي إيفين شمال طهران لاستقبال موكليه.",
                 "التقى محامو الشركة موكلهم في بورصة لمناقشة بنود العقد.",
                 "تضم صيدنايا عشرات الأديرة والكنائس والأقبية الأثرية القديمة.",
                 "ما زالت فرق الدفاع المدني تبحث عن المفقودين تحت أنقاض المباني في جنديرس بعد الزلزال.",
                 "قال محامو المتهمين إن موكليهم سيمثلون أمام المحكمة الأسبوع المقبل في العاصمة."):
        ann = real_ann(text)
        assert not ann.alert and ann.facilities == [], text
    assert [p.surface for p in real_ann("سراديب دير الشيروبيم في صيدنايا تجذب الزوار كل صيف.").places] == ["صيدنايا"]
