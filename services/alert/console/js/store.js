// What every view shares: the incidents (loaded once, then kept live from the stream) and the facilities.
import { alertApi, enrichApi, openStream } from './api.js';
import { normalizeIncident } from './model.js';

export const store = { incidents: new Map(), facilities: null, streamState: 'idle', newest: null };
const listeners = new Set();
let closeStream = null;

export function onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }
function emit(change) { for (const fn of listeners) fn(change); }

export function upsert(raw, { live = false } = {}) {
  const inc = normalizeIncident(raw);
  const old = store.incidents.get(inc.id);
  if (old && !inc.name_ar) inc.name_ar = old.name_ar;
  if (old && inc.articles.length < old.articles.length && inc.article_count >= old.article_count) {
    inc.articles = old.articles; // an update event that carries only the new articles keeps the known ones
  }
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
  store.newest = rows.length ? String(rows[0].id) : null;
  return rows.length;
}

export function startLive() {
  if (closeStream) return;
  closeStream = openStream({
    lastEventId: store.newest,
    onEvent: (_type, data) => upsert(data, { live: true }),
    onState: (state) => { store.streamState = state; emit({ type: 'stream', state }); },
  });
}

export function stopLive() {
  if (closeStream) closeStream();
  closeStream = null;
  store.incidents.clear();
  store.newest = null;
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
