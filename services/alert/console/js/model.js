// One incident shape for the views, from what the API answers: an incident (facility, first/last seen, articles),
// a notice ({incident, articles}), or an alert row / alert.raised event (one article per alert).
import { guessLang } from './dom.js';

export function normalizeIncident(x) {
  // a change event of the stream (AlertChanged): the incident after the change, and the article that joined
  if (x && x.incident) {
    x = { ...x.incident, id: x.alert_id ?? x.incident.id, articles: x.articles ?? (x.article ? [x.article] : []) };
  }
  if (x && x.payload && x.payload.alert_id) return fromRaised(x.payload, x);
  // an incident row: its columns, over the incident as last changed (payload: facility_ar and the rest)
  if (x && x.payload && x.payload.first_seen) x = { ...x.payload, ...x, facility: x.payload.facility, state: x.status };
  if (x && x.alert_id && x.facility && typeof x.facility === 'object') return fromRaised(x, null);
  const articles = (x.articles || []).map(normalizeArticle);
  return {
    id: String(x.id),
    facility_id: x.facility_id,
    name: x.facility ?? x.facility_name ?? x.facility_id,
    name_ar: x.facility_ar ?? null,
    kind: x.kind,
    severity: x.severity ?? null,
    state: x.state ?? x.status ?? 'firing',
    silenced: Boolean(x.silenced),
    country: x.country ?? null,
    lat: x.lat ?? null,
    lon: x.lon ?? null,
    first_seen: x.first_seen ?? x.created_at,
    last_seen: x.last_seen ?? x.first_seen ?? x.created_at,
    article_count: x.article_count ?? articles.length,
    languages: x.languages ?? [...new Set(articles.map((a) => a.lang).filter(Boolean))],
    sources: x.sources ?? [],
    event_types: x.event_types ?? [],
    actors: x.actors ?? [],
    articles,
  };
}

export function normalizeArticle(a) {
  return {
    article_id: a.article_id ?? a.id,
    url: a.url ?? null,
    title: a.title ?? null,
    source: a.source ?? null,
    lang: a.lang ?? (a.evidence ? guessLang(a.evidence) : null),
    published_at: a.published_at ?? null,
    evidence: a.evidence ?? a.excerpt ?? '',
    surface: a.surface ?? null,
    event_types: a.event_types ?? [],
    joined_at: a.joined_at ?? null,
  };
}

function fromRaised(p, row) {
  const f = p.facility;
  const lang = guessLang(p.excerpt);
  return {
    id: String(p.alert_id),
    facility_id: f.id,
    name: f.canonical,
    name_ar: null,
    kind: f.kind,
    severity: null,
    state: row?.status ?? 'firing',
    silenced: false,
    country: f.country ?? null,
    lat: f.lat ?? null,
    lon: f.lon ?? null,
    first_seen: p.raised_at,
    last_seen: p.raised_at,
    article_count: 1,
    languages: [lang],
    sources: p.article.source ? [p.article.source] : [],
    event_types: p.event_types || [],
    actors: (p.actors || []).map((a) => a.canonical),
    articles: [{
      article_id: p.article.id, url: p.article.url ?? null, title: p.article.title ?? null,
      source: p.article.source ?? null, lang, published_at: p.article.published_at ?? null,
      evidence: p.excerpt, surface: f.surface, event_types: p.event_types || [], joined_at: p.raised_at,
    }],
  };
}

export const SEVERITIES = ['critical', 'warning', 'info'];
export const STATES = ['firing', 'acknowledged', 'resolved'];
export const KINDS = ['prison', 'camp'];
