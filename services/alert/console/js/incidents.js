// The incident list, live: filters by severity, kind, country and state; ack, resolve, silence on each row.
import { actionButtons, silenceForm } from './actions.js';
import { badge, h, inLang, when } from './dom.js';
import { t } from './i18n.js';
import { KINDS, SEVERITIES, STATES } from './model.js';
import { onChange, sortedIncidents, store } from './store.js';

const filters = { severity: '', kind: '', country: '', state: '' };

function select(name, values, label) {
  const el = h('select', { name, id: `filter-${name}` }, h('option', { value: '' }, t('filter.any', { what: label })),
    values.map((v) => h('option', { value: v }, t(`v.${v}`))));
  el.value = filters[name];
  return el;
}

function matches(inc) {
  return (!filters.severity || inc.severity === filters.severity) && (!filters.kind || inc.kind === filters.kind)
    && (!filters.state || inc.state === filters.state)
    && (!filters.country || (inc.country || '').toUpperCase() === filters.country.toUpperCase());
}

export function facilityName(inc) {
  return h('span', { class: 'facility-name' }, inLang(inc.name, 'en'),
    inc.name_ar ? [' · ', inLang(inc.name_ar, 'ar')] : []);
}

let silencing = null; // {id, form}: the silence form open under a row survives the list's redraws

function row(inc, where, fresh, redraw) {
  const tr = h('tr', { class: `incident-row state-${inc.state}${fresh ? ' fresh' : ''}`, dataset: { id: inc.id } });
  const open = () => { location.hash = `#/incidents/${encodeURIComponent(inc.id)}`; };
  tr.append(
    h('td', {}, inc.severity ? badge(t(`v.${inc.severity}`), `sev-${inc.severity}`) : '—'),
    h('td', {}, h('a', { href: `#/incidents/${encodeURIComponent(inc.id)}`, class: 'incident-link' }, facilityName(inc)),
      inc.silenced ? badge(t('v.silenced'), 'silenced') : ''),
    h('td', {}, t(`v.${inc.kind}`)),
    h('td', {}, inc.country || '—'),
    h('td', {}, badge(t(`v.${inc.state}`), `state-${inc.state}`)),
    h('td', {}, when(inc.first_seen)),
    h('td', {}, when(inc.last_seen)),
    h('td', { class: 'num' }, String(inc.article_count)),
    h('td', {}, (inc.languages || []).join(', ') || '—'),
    h('td', {}, actionButtons(inc, where, {
      onSilence: () => { silencing = { id: inc.id, form: silenceForm(inc, where) }; redraw(); } })));
  tr.addEventListener('dblclick', open);
  return tr;
}

export function renderIncidents(view) {
  const messages = h('div', { class: 'messages' });
  const body = h('tbody', { id: 'incident-rows' });
  const count = h('span', { class: 'muted', id: 'incident-count' });
  const live = h('span', { class: `live ${store.streamState}`, id: 'live-state' }, t(`stream.${store.streamState}`));
  const fresh = new Set();
  const draw = () => {
    const shown = sortedIncidents().filter(matches);
    if (silencing && !silencing.form.isConnected && silencing.drawn) silencing = null; // submitted or cancelled
    body.replaceChildren(...shown.flatMap((inc) => {
      const tr = row(inc, messages, fresh.has(inc.id), draw);
      if (silencing?.id !== inc.id) return [tr];
      silencing.drawn = true;
      return [tr, h('tr', { class: 'form-row' }, h('td', { colspan: 10 }, silencing.form))];
    }));
    count.textContent = t('incidents.count', { n: shown.length, total: store.incidents.size });
    if (!shown.length) body.append(h('tr', {}, h('td', { colspan: 10, class: 'muted empty' }, t('incidents.none'))));
  };
  const bar = h('form', { class: 'filters', id: 'incident-filters' },
    select('severity', SEVERITIES, t('col.severity')), select('kind', KINDS, t('col.kind')),
    h('input', { name: 'country', id: 'filter-country', placeholder: t('filter.country'), value: filters.country,
      maxlength: 2, size: 8 }),
    select('state', STATES, t('col.state')), count, live);
  bar.addEventListener('input', (ev) => { filters[ev.target.name] = ev.target.value.trim(); draw(); });
  bar.addEventListener('submit', (ev) => ev.preventDefault());
  const head = ['severity', 'facility', 'kind', 'country', 'state', 'first_seen', 'last_seen', 'articles', 'languages', 'actions'];
  view.replaceChildren(h('section', { class: 'incidents' }, h('h1', {}, t('nav.incidents')), messages, bar,
    h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, head.map((c) => h('th', {}, t(`col.${c}`))))), body)));
  draw();
  return onChange((change) => {
    if (change.type === 'stream') {
      live.className = `live ${change.state}`;
      live.textContent = t(`stream.${change.state}`);
      return;
    }
    if (change.live) fresh.add(change.incident.id);
    draw();
  });
}
