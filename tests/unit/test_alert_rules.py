"""Rules, pure: evaluation of facility mentions, the rules file's validation (line and reason), filters,
the notice plan (Alertmanager timing, corroboration, auto-resolve), silences' matchers."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from services.alert.incidents import Policy, State, evaluate, evidence, outlet, plan
from services.alert.notice import NoticeIncident
from services.alert.rules import Filters, RulesError, load_rules, matches, parse_rules
from services.alert.silences import Matcher, SilenceIn, silenced_until
from shared.annotation import ActorMention, Annotation, EventTypeMention, FacilityMention
from shared.events import ArticleEnriched, ArticleRef

TEXT = "Guards at al-Hol camp and at Ghwayran prison; al-Hol camp again. Fighting went on."
RULES = load_rules()
T0 = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


def fac(fid: str, start: int, end: int, kind: str = "camp", conf: float = 0.9, country: str = "SY") -> FacilityMention:
    return FacilityMention(surface=TEXT[start:end], start=start, end=end, id=fid, canonical=fid, confidence=conf,
                           country=country, lat=36.0, lon=41.0, kind=kind)


def event(facilities: list[FacilityMention], alert: bool = True, types: tuple[str, ...] = (),
          lang: str = "en") -> ArticleEnriched:
    return ArticleEnriched(
        article=ArticleRef(id="art_1", url="https://www.example.org/x"), text=TEXT, engine_version="t",
        enriched_at=datetime.now(UTC),
        annotation=Annotation(lang=lang, facilities=facilities, alert=alert,
                              actors=[ActorMention(surface="x", start=0, end=1, id="act:isis", canonical="ISIS",
                                                   confidence=0.9)],
                              event_types=[EventTypeMention(type=t, surface="x", start=0, end=1, confidence=0.9)
                                           for t in types]))


def test_one_decision_per_distinct_facility_with_its_rule() -> None:
    decisions = evaluate(event([fac("fac:sy-al-hol-camp", 10, 21), fac("fac:sy-ghwayran-prison", 29, 45, "prison"),
                                fac("fac:sy-al-hol-camp", 47, 58)], types=("humanitarian", "attack")), RULES)
    assert [d.facility.id for d in decisions] == ["fac:sy-al-hol-camp", "fac:sy-ghwayran-prison"]
    assert [(d.rule.name, d.rule.severity) for d in decisions if d.rule] == [
        ("camp-humanitarian", "info"), ("isis-prison-attack", "critical")]
    assert decisions[0].evidence == "Guards at al-Hol camp and at Ghwayran prison; al-Hol camp again."
    assert decisions[0].event_types == ("attack", "humanitarian")  # strongest first
    assert decisions[0].source == "example.org" and decisions[0].actors == ("ISIS",)


def test_default_rules_severity() -> None:
    def rule(fid: str, kind: str, *types: str) -> str:
        (d,) = evaluate(event([fac(fid, 10, 21, kind)], types=types), RULES)
        assert d.rule is not None
        return f"{d.rule.name}:{d.rule.severity}"
    assert rule("fac:sy-ghwayran-prison", "prison", "prison_break_riot") == "isis-prison-attack:critical"
    assert rule("fac:sy-sednaya-prison", "prison", "attack") == "facility-named:info"  # no ISIS detainees
    assert rule("fac:sy-al-hol-camp", "camp", "transfer_repatriation") == "camp-transfer:warning"
    assert rule("fac:sy-roj-camp", "camp", "humanitarian") == "camp-humanitarian:info"


def test_no_decision_without_the_alert_flag_or_facilities() -> None:
    assert evaluate(event([], alert=False), RULES) == []
    assert evaluate(event([fac("hol", 10, 21)], alert=False), RULES) == []


def test_rules_match_on_actor_language_country() -> None:
    rules = parse_rules("""
rules:
  - {name: isis-ar, severity: warning, match: {actors: [isis], languages: [ar], countries: [sy]}}
""")
    assert [d.rule.name for d in evaluate(event([fac("hol", 10, 21)], lang="ar"), rules) if d.rule] == ["isis-ar"]
    assert evaluate(event([fac("hol", 10, 21)], lang="en"), rules)[0].rule is None
    assert evaluate(event([fac("hol", 10, 21, country="IQ")], lang="ar"), rules)[0].rule is None


@pytest.mark.parametrize(("source", "where"), [
    ("rules:\n  - name: a\n    severity: loud\n", "f.yaml:3: rules.0.severity: Input should be"),
    ("rules:\n  - name: a\n    severity: info\n    group_wait: soon\n", "f.yaml:4: rules.0.group_wait"),
    ("rules:\n  - name: a\n    severity: info\n    matc: {}\n", "f.yaml:4: rules.0.matc: Extra inputs"),
    ("rules: [\n", "f.yaml:2: not valid YAML"),
    ("rules: []\n", "f.yaml:1: rules: List should have at least 1 item"),
    ("rules:\n  - {name: a, severity: info}\n  - {name: a, severity: info}\n", "rule names must be unique: a"),
])
def test_a_bad_rules_file_names_the_line_and_reason(source: str, where: str) -> None:
    with pytest.raises(RulesError) as err:
        parse_rules(source, "f.yaml")
    assert where in str(err.value)


def test_a_bad_rules_file_stops_start_up(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("rules:\n  - name: x\n    severity: urgent\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "services.alert"], env={"RAQIB_ALERT_RULES": str(bad),
                          "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"{bad}:3: rules.0.severity: Input should be 'critical', 'warning' or 'info'" in proc.stderr


def test_evidence_is_the_sentence_and_outlet_the_domain() -> None:
    text = "قالت مصادر إن هجوما استهدف سجن غويران. وأضافت أن الاشتباكات استمرت."
    i = text.index("سجن")
    assert evidence(text, i, i + 9) == "قالت مصادر إن هجوما استهدف سجن غويران."
    long = "x " * 400 + "Roj camp" + " y" * 400
    e = evidence(long, 800, 808, limit=40)
    assert e.startswith("…") and e.endswith("…") and "Roj camp" in e and len(e) <= 44
    assert outlet("https://WWW.Enabbaladi.net/a", "x") == "enabbaladi.net" and outlet(None, "AFP") == "afp"


def incident(**kw: object) -> NoticeIncident:
    base: dict[str, object] = dict(id="i", fingerprint="f", rule="r", severity="warning", state="firing",
                                   facility_id="fac:sy-al-hol-camp", facility="al-Hol camp", kind="camp", country="SY",
                                   first_seen=T0, last_seen=T0, article_count=2, languages=["ar"],
                                   event_types=["attack"], actors=["ISIS"])
    return NoticeIncident.model_validate(base | kw)


def test_filters() -> None:
    camp, prison = incident(), incident(kind="prison", country="IQ", facility_id="ghw", severity="critical")
    assert matches(Filters(), camp) and matches(Filters(), prison)
    assert matches(Filters(kinds=["camp"]), camp) and not matches(Filters(kinds=["camp"]), prison)
    assert matches(Filters(countries=["sy"]), camp) and not matches(Filters(countries=["SY"]), prison)
    assert not matches(Filters(facility_ids=["ghw"]), camp)
    assert not matches(Filters(min_confidence=0.5), prison, 0.4)
    assert matches(Filters(min_severity="critical"), prison) and not matches(Filters(min_severity="critical"), camp)
    assert matches(Filters(actors=["isis"]), camp) and not matches(Filters(actors=["SDF"]), camp)
    assert matches(Filters(event_types=["attack"]), camp) and not matches(Filters(event_types=["arrest"]), camp)
    assert matches(Filters(languages=["ar"]), camp) and not matches(Filters(languages=["en"]), camp)
    with pytest.raises(ValidationError):
        Filters.model_validate({"min_severity": "loud"})
    with pytest.raises(ValidationError):
        Filters.model_validate({"actor": ["x"]})  # extra=forbid


def state(**kw: object) -> State:
    base: dict[str, object] = dict(status="firing", first_seen=T0, last_seen=T0, article_count=1, sources=1,
                                   languages=1, severity="info", notified_at=None, notified_kind=None,
                                   notified_count=0, notified_severity=None, policy=Policy())
    return State(**(base | kw))  # type: ignore[arg-type]


def test_plan_follows_group_wait_interval_repeat_and_resolve() -> None:
    p = Policy(group_wait=30, group_interval=300, repeat_interval=3600, resolve_after=7200)
    assert plan(state(policy=p), T0).next_check_at == T0 + timedelta(seconds=30)
    assert plan(state(policy=p), T0 + timedelta(seconds=30)).action == "firing"
    told = dict(notified_at=T0, notified_kind="firing", notified_count=1, notified_severity="info", policy=p)
    assert plan(state(**told), T0 + timedelta(minutes=1)) == plan(state(**told), T0 + timedelta(minutes=1))
    assert plan(state(**told), T0 + timedelta(minutes=1)).next_check_at == T0 + timedelta(hours=1)
    grown = state(**told | {"article_count": 3, "last_seen": T0 + timedelta(minutes=1)})
    assert plan(grown, T0 + timedelta(minutes=2)).next_check_at == T0 + timedelta(minutes=5)
    assert plan(grown, T0 + timedelta(minutes=5)).action == "update"
    assert plan(state(**told), T0 + timedelta(hours=1)).action == "reminder"
    assert plan(state(**told | {"status": "acknowledged"}), T0 + timedelta(hours=1)).action is None  # no reminders
    assert plan(state(**told), T0 + timedelta(hours=2)).action == "auto_resolve"
    assert plan(state(**told | {"status": "resolved"}), T0).action == "resolved"
    assert plan(state(status="resolved"), T0).action is None  # never notified: nothing to say


def test_plan_waits_for_corroboration_and_silences() -> None:
    p = Policy(min_sources=2, min_languages=2)
    assert plan(state(policy=p, sources=2), T0).action is None
    assert plan(state(policy=p, sources=2, languages=2), T0).action == "firing"
    quiet = plan(state(silenced_until=T0 + timedelta(minutes=10)), T0)
    assert quiet.action is None and quiet.next_check_at == T0 + timedelta(minutes=10)


def test_silence_matchers() -> None:
    i = incident()
    assert Matcher(name="facility_id", value="fac:sy-al-hol-camp").matches(i)
    assert not Matcher(name="facility_id", value="fac:sy-al-hol-camp", op="!=").matches(i)
    assert Matcher(name="facility_id", value="fac:sy-.*", op="=~").matches(i)
    assert not Matcher(name="facility_id", value="sy-.*", op="=~").matches(i)  # anchored
    assert Matcher(name="actor", value="ISIS").matches(i)
    assert Matcher(name="event_type", value="arr.*", op="!~").matches(i)
    assert Matcher(name="severity", value="warning").matches(i)
    with pytest.raises(ValidationError, match="invalid regex"):
        Matcher(name="kind", value="(", op="=~")
    with pytest.raises(ValidationError):
        Matcher(name="colour", value="x")
    s = SilenceIn.model_validate({"matchers": [{"name": "kind", "value": "camp"}], "ends_at": "2026-12-02T09:00:00Z"})
    with pytest.raises(ValidationError, match="ends_at must be after"):
        SilenceIn.model_validate({"matchers": [{"name": "kind", "value": "camp"}], "starts_at": "2026-12-02T10:00:00Z",
                                  "ends_at": "2026-12-02T09:00:00Z"})
    from services.alert.silences import Silence
    sil = Silence(id="00000000-0000-0000-0000-000000000001", matchers=s.matchers, starts_at=T0,
                  ends_at=T0 + timedelta(hours=1), comment="", created_by="", created_at=T0, state="active")
    assert silenced_until([sil], i, T0) == T0 + timedelta(hours=1)
    assert silenced_until([sil], i, T0 + timedelta(hours=1)) is None
    assert silenced_until([sil], incident(kind="prison"), T0) is None
