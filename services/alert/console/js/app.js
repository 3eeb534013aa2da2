// The console's shell: sign-in, navigation (hash routes), language, the live stream.
import { auth, loadConfig, whenUnauthorized } from './api.js';
import { failure, h } from './dom.js';
import { applyLang, lang, setLang, t } from './i18n.js';
import { renderFeeds } from './feeds.js';
import { renderIncident } from './incident.js';
import { renderIncidents } from './incidents.js';
import { renderMap } from './map.js';
import { renderSignin } from './signin.js';
import { renderSilences } from './silences.js';
import { loadFacilities, loadIncidents, startLive, stopLive } from './store.js';
import { renderSubscriptions } from './subscriptions.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');
let cleanup = () => {};
let started = false;

const ROUTES = [
  [/^#\/incidents\/(.+)$/, (m) => renderIncident(view, decodeURIComponent(m[1]))],
  [/^#\/map$/, () => renderMap(view)],
  [/^#\/subscriptions$/, () => renderSubscriptions(view)],
  [/^#\/silences$/, () => renderSilences(view)],
  [/^#\/feeds$/, () => renderFeeds(view)],
  [/^/, () => renderIncidents(view)],
];

function drawNav() {
  const here = location.hash || '#/incidents';
  const link = (hash, key) => h('a', { href: hash, id: `nav-${key}`, class: here.startsWith(hash) ? 'active' : '' }, t(`nav.${key}`));
  nav.replaceChildren(...[
    h('span', { class: 'brand' }, h('bdi', { lang: 'ar', dir: 'rtl' }, 'رقيب'), ' Raqib'),
    auth.key() ? [link('#/incidents', 'incidents'), link('#/map', 'map'), link('#/subscriptions', 'subscriptions'),
      link('#/silences', 'silences'), link('#/feeds', 'feeds')] : [],
    h('span', { class: 'spacer' }),
    h('button', { id: 'lang-toggle', onclick: () => { setLang(lang() === 'ar' ? 'en' : 'ar'); route(); } },
      lang() === 'ar' ? 'English' : 'العربية'),
    auth.key() ? h('button', { id: 'signout', onclick: signOut }, t('nav.signout')) : ''].flat());
}

async function route() {
  cleanup();
  cleanup = () => {};
  drawNav();
  if (!auth.key()) {
    renderSignin(view, { onSignedIn: () => { start(); } });
    return;
  }
  const hash = location.hash || '#/incidents';
  for (const [re, render] of ROUTES) {
    const m = hash.match(re);
    if (!m) continue;
    try {
      const off = await render(m);
      if (typeof off === 'function') cleanup = off;
    } catch (e) {
      view.replaceChildren(h('p', { class: 'error' }, failure(e)));
    }
    return;
  }
}

async function start() {
  if (!started) {
    started = true;
    await Promise.all([loadFacilities(), startLive()]);
    try { await loadIncidents(); } catch (e) { console.warn('incidents', e); }
  }
  route();
}

function signOut() {
  auth.clear();
  stopLive();
  started = false;
  location.hash = '';
  route();
}

// a key refused once signed in (revoked, expired) ends the session; during sign-in the form says why
whenUnauthorized(() => { if (started) signOut(); });
window.addEventListener('hashchange', route);
applyLang();
await loadConfig();
if (auth.key()) start(); else route();
