// The public API, with the key the user signed in with (sessionStorage only; sent as the bearer header).
import { createParser } from '../vendor/eventsource-parser/index.js';

const KEY = 'raqib.apiKey';
export const auth = {
  key: () => sessionStorage.getItem(KEY),
  set: (k) => sessionStorage.setItem(KEY, k),
  clear: () => sessionStorage.removeItem(KEY),
};
export const config = { ingest_url: '', enrich_url: '' };

export async function loadConfig() {
  const res = await fetch('config.json', { cache: 'no-store' });
  if (res.ok) Object.assign(config, await res.json());
}

export class ApiError extends Error {
  constructor(status, message, missingRoute = false) {
    super(message);
    this.status = status;
    this.missingRoute = missingRoute; // FastAPI's plain 404 "Not Found": the server has no such endpoint
  }
}

let unauthorized = () => {};
export function whenUnauthorized(fn) { unauthorized = fn; }

function detailOf(body) {
  const d = body && body.detail;
  if (typeof d === 'string') return d;
  if (Array.isArray(d)) return d.map((e) => `${(e.loc || []).slice(1).join('.')}: ${e.msg}`).join('; ');
  return JSON.stringify(body);
}

function base(service) {
  if (service === 'alert') return new URL('../v1', location.href).href;
  return `${config[`${service}_url`]}/v1`;
}

export async function request(service, method, path, { body, query } = {}) {
  const url = new URL(base(service) + path);
  for (const [k, v] of Object.entries(query || {})) if (v != null && v !== '') url.searchParams.set(k, v);
  const headers = { Authorization: `Bearer ${auth.key()}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, `${service} (${url.origin}): ${e.message}`);
  }
  if (res.status === 401) unauthorized();
  if (!res.ok) {
    let detail = res.statusText;
    try { detail = detailOf(await res.json()); } catch { /* not JSON */ }
    throw new ApiError(res.status, `${res.status}: ${detail}`, detail === 'Not Found' || res.status === 405);
  }
  if (res.status === 204) return null;
  return (res.headers.get('content-type') || '').includes('json') ? res.json() : res.text();
}

const client = (service) => ({
  get: (path, query) => request(service, 'GET', path, { query }),
  post: (path, body, query) => request(service, 'POST', path, { body, query }),
  patch: (path, body) => request(service, 'PATCH', path, { body }),
  del: (path) => request(service, 'DELETE', path),
});
export const alertApi = client('alert');
export const ingestApi = client('ingest');
export const enrichApi = client('enrich');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The live stream, read with fetch() because EventSource cannot send the Authorization header. It reconnects
// with Last-Event-ID, so the server replays what was missed. -> a function that closes it.
export function openStream({ onEvent, onState }) {
  const ctl = new AbortController();
  let last = null;
  let stopped = false;
  (async () => {
    let delay = 1000;
    while (!stopped) {
      try {
        onState('connecting');
        const headers = { Authorization: `Bearer ${auth.key()}` };
        if (last) headers['Last-Event-ID'] = last;
        const res = await fetch(new URL('../v1/alerts/stream', location.href),
          { headers, signal: ctl.signal, cache: 'no-store' });
        if (res.status === 401) { unauthorized(); return; }
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        onState('live');
        delay = 1000;
        const parser = createParser({
          onEvent(ev) {
            if (ev.id) last = ev.id;
            if (ev.event === 'overflow') return; // the loop reconnects with Last-Event-ID when the server ends
            try { onEvent(ev.event || 'message', JSON.parse(ev.data), ev.id); } catch (e) { console.warn('stream', e); }
          },
        });
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch (e) {
        if (stopped) return;
      }
      onState('reconnecting');
      await sleep(delay);
      delay = Math.min(delay * 2, 15000);
    }
  })();
  return () => { stopped = true; ctl.abort(); };
}
