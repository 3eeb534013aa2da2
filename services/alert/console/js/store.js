// What every view shares: the incidents (loaded once, then kept live from the stream) and the facilities.
import { alertApi, enrichApi, openStream } from './api.js';
import { normalizeIncident } from './model.js';

export const store = { incidents: new Map(), facilities: null, streamState: 'idle' };
const listeners = new Set();
let closeStream = null;

export function onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }
function emit(change) { for (const fn of listeners) fn(change); }

const STATE_RANK = { firing: 0, acknowledged: 1, resolved: 2 };
const later = (a, b) => (String(a || '') >= String(b || '') ? a : b);

// An incident only moves forward (more articles, later last_seen, firing -> acknowledged -> resolved), so a
// snapshot and a change event merged in either order give the newest state; articles are kept by id (a change
// event carries only the article that joined).
function merge(old, inc) {
  const byId = new Map(old.articles.map((a) => [a.article_id, a]));
  for (const a of inc.articles) byId.set(a.article_id, a);
  const articles = [...byId.values()].sort((a, b) => String(b.joined_at || '').localeCompare(String(a.joined_at || '')));
  const newer = inc.article_count >= old.article_count ? inc : old;
  return {
    ...old, ...newer,
    name_ar: inc.name_ar || old.name_ar,
    state: STATE_RANK[inc.state] >= STATE_RANK[old.state] ? inc.state : old.state,
    last_seen: later(inc.last_seen, old.last_seen),
    article_count: Math.max(inc.article_count, old.article_count, articles.length),
    silenced: inc.silenced,
    articles,
  };
}

export function upsert(raw, { live = false } = {}) {
  const old = store.incidents.get(String(raw.alert_id ?? raw.id));
  const inc = old ? merge(old, normalizeIncident(raw)) : normalizeIncident(raw);
  if (!inc.name_ar) inc.name_ar = facilityById(inc.facility_id)?.name_ar ?? null;
  store.incidents.set(inc.id, inc);
  emit({ type: 'upsert', incident: inc, live, isNew: !old });
  return inc;
}

export function sortedIncidents() {
  return [...store.incidents.values()].sort((a, b) => String(b.last_seen).localeCompare(String(a.last_seen)));
}

export async function loadIncidents() {
  const rows = await alertApi.get('/alerts', { limit: 500 });
  for (const row of rows) upsert(row);
  return rows.length;
}

// The stream first (live from then on; after a break it resumes with Last-Event-ID), then the list: a change
// that falls between the two is in the list or arrives on the stream, and merge() orders them.
export function startLive() {
  if (closeStream) return Promise.resolve();
  return new Promise((connected) => {
    closeStream = openStream({
      onEvent: (_type, data) => upsert(data, { live: true }),
      onState: (state) => {
        store.streamState = state;
        emit({ type: 'stream', state });
        if (state === 'live') connected();
      },
    });
    setTimeout(connected, 5000); // no stream (yet): the list is shown all the same, the stream keeps trying
  });
}

export function stopLive() {
  if (closeStream) closeStream();
  closeStream = null;
  store.incidents.clear();
}

export async function loadFacilities() {
  if (store.facilities) return store.facilities;
  try {
    store.facilities = await enrichApi.get('/facilities');
  } catch (e) {
    console.warn('facilities', e);
    store.facilities = [];
  }
  for (const inc of store.incidents.values()) inc.name_ar ||= facilityById(inc.facility_id)?.name_ar ?? null;
  return store.facilities;
}

export function facilityById(id) {
  return (store.facilities || []).find((f) => f.id === id);
}
