// Subscriptions: create (format, filters), the secret shown once, test, rotate, disable, the delivery log.
import { alertApi } from './api.js';
import { badge, failure, field, h, notice, when } from './dom.js';
import { t } from './i18n.js';
import { deliveryTable } from './incident.js';
import { KINDS, SEVERITIES } from './model.js';

export const FORMATS = ['standard', 'alertmanager', 'pagerduty', 'slack'];
const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);

function secretBox(secret, what) {
  return h('div', { class: 'secret-once', id: 'secret-once', role: 'status' },
    h('strong', {}, t(what)), ' ', h('code', { dir: 'ltr', id: 'secret-value' }, secret),
    h('p', { class: 'small' }, t('subs.secret_once')));
}

function createForm(where, reload) {
  const f = {
    url: h('input', { name: 'url', type: 'url', required: true, dir: 'ltr', placeholder: 'https://…', size: 40 }),
    format: h('select', { name: 'format' }, FORMATS.map((x) => h('option', { value: x }, x))),
    routing_key: h('input', { name: 'routing_key', dir: 'ltr', placeholder: t('subs.routing_key_hint') }),
    countries: h('input', { name: 'countries', dir: 'ltr', placeholder: 'SY, IQ' }),
    facility_ids: h('input', { name: 'facility_ids', dir: 'ltr', placeholder: 'fac:sy-al-hol-camp' }),
    min_severity: h('select', { name: 'min_severity' }, h('option', { value: '' }, '—'),
      SEVERITIES.map((s) => h('option', { value: s }, t(`v.${s}`)))),
    actors: h('input', { name: 'actors', dir: 'ltr' }),
    event_types: h('input', { name: 'event_types', dir: 'ltr' }),
  };
  const kinds = KINDS.map((k) => h('input', { type: 'checkbox', name: 'kinds', value: k }));
  const langs = ['ar', 'en'].map((l) => h('input', { type: 'checkbox', name: 'languages', value: l }));
  const form = h('form', { class: 'card form-grid', id: 'subscription-form' }, h('h2', {}, t('subs.new')),
    field(t('subs.url'), f.url), field(t('subs.format'), f.format), field(t('subs.routing_key'), f.routing_key),
    h('fieldset', {}, h('legend', {}, t('col.kind')), kinds.map((c, i) => h('label', {}, c, t(`v.${KINDS[i]}`)))),
    h('fieldset', {}, h('legend', {}, t('col.languages')), langs.map((c) => h('label', {}, c, c.value))),
    field(t('subs.countries'), f.countries), field(t('subs.facility_ids'), f.facility_ids),
    field(t('subs.min_severity'), f.min_severity), field(t('subs.actors'), f.actors),
    field(t('subs.event_types'), f.event_types),
    h('button', { type: 'submit', class: 'primary' }, t('subs.create')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const filters = {};
    const checked = (boxes) => boxes.filter((c) => c.checked).map((c) => c.value);
    if (checked(kinds).length) filters.kinds = checked(kinds);
    if (checked(langs).length) filters.languages = checked(langs);
    for (const k of ['countries', 'facility_ids', 'actors', 'event_types']) if (list(f[k].value).length) filters[k] = list(f[k].value);
    if (f.min_severity.value) filters.min_severity = f.min_severity.value;
    const body = { url: f.url.value.trim(), filters, format: f.format.value };
    if (f.routing_key.value.trim()) body.routing_key = f.routing_key.value.trim();
    try {
      const created = await alertApi.post('/subscriptions', body);
      form.reset();
      await reload();
      where.prepend(secretBox(created.secret, 'subs.secret'));
    } catch (e) {
      notice(where, failure(e));
    }
  });
  return form;
}

function attemptTable(rows) {
  if (!rows.length) return h('p', { class: 'muted' }, t('deliveries.none'));
  return h('table', { class: 'grid attempt-log' },
    h('thead', {}, h('tr', {}, ['started', 'attempt', 'code', 'latency', 'error', 'response']
      .map((c) => h('th', {}, t(`acol.${c}`))))),
    h('tbody', {}, rows.map((a) => h('tr', {}, h('td', {}, when(a.started_at)),
      h('td', {}, a.test ? t('subs.test') : `#${a.attempt}`), h('td', {}, a.status_code ?? '—'),
      h('td', { class: 'num' }, `${Math.round(a.latency_ms)} ms`), h('td', { class: 'small', dir: 'auto' }, a.error ?? ''),
      h('td', { class: 'small mono', dir: 'auto' }, (a.response ?? '').slice(0, 200))))));
}

async function act(where, fn, done, reload) {
  try {
    const out = await fn();
    if (done) notice(where, typeof done === 'function' ? done(out) : t(done), 'ok');
    if (reload) await reload();
    return out;
  } catch (e) {
    notice(where, failure(e));
    return null;
  }
}

function subRow(s, where, reload) {
  const log = h('tr', { class: 'log-row', hidden: true }, h('td', { colspan: 6 }));
  const enabled = s.enabled ?? s.active;
  const toggle = () => act(where, () => alertApi.patch(`/subscriptions/${s.id}`, { enabled: !enabled }),
    enabled ? 'done.disabled' : 'done.enabled', reload);
  const showLog = async () => {
    log.hidden = !log.hidden;
    if (log.hidden) return;
    const [rows, attempts] = await Promise.all([
      act(where, () => alertApi.get('/deliveries', { subscription_id: s.id, limit: 200 })),
      act(where, () => alertApi.get('/deliveries/attempts', { subscription_id: s.id, limit: 200 }))]);
    log.firstChild.replaceChildren(h('h3', {}, t('subs.deliveries')), rows ? deliveryTable(rows, where) : '',
      h('h3', {}, t('subs.attempts')), attempts ? attemptTable(attempts) : '');
  };
  const test = async () => {
    const r = await act(where, () => alertApi.post(`/subscriptions/${s.id}/test`));
    if (r) notice(where, t(r.ok ? 'done.test_ok' : 'done.test_failed', { code: r.status_code ?? '—',
      ms: Math.round(r.latency_ms), error: r.error || '' }), r.ok ? 'ok' : 'error');
  };
  const rotate = async () => {
    const r = await act(where, () => alertApi.post(`/subscriptions/${s.id}/rotate-secret`));
    if (r && r.secret) where.prepend(secretBox(r.secret, 'subs.new_secret'));
  };
  const tr = h('tr', { class: 'subscription-row', dataset: { id: s.id } },
    h('td', { dir: 'ltr', class: 'mono url' }, s.url), h('td', {}, s.format || 'standard'),
    h('td', { class: 'mono small', dir: 'ltr' }, JSON.stringify(s.filters || {})),
    h('td', {}, badge(enabled ? t('subs.enabled') : t('subs.disabled'), enabled ? 'ok' : 'off'),
      s.disabled_reason ? h('div', { class: 'small', dir: 'auto' }, s.disabled_reason) : '',
      s.consecutive_failures ? h('div', { class: 'small' }, t('subs.failures', { n: s.consecutive_failures })) : '',
      s.previous_secret_expires_at ? h('div', { class: 'small' }, t('subs.old_secret', { until: when(s.previous_secret_expires_at) })) : ''),
    h('td', {}, when(s.created_at)),
    h('td', { class: 'actions' }, h('button', { class: 'act-test', onclick: test }, t('subs.test')),
      h('button', { class: 'act-rotate', onclick: rotate }, t('subs.rotate')),
      h('button', { class: enabled ? 'act-disable' : 'act-enable', onclick: toggle }, t(enabled ? 'subs.disable' : 'subs.enable')),
      h('button', { class: 'act-log', onclick: showLog }, t('subs.log'))));
  return [tr, log];
}

export async function renderSubscriptions(view) {
  const messages = h('div', { class: 'messages' });
  const body = h('tbody', { id: 'subscription-rows' });
  const reload = async () => {
    try {
      const subs = await alertApi.get('/subscriptions');
      body.replaceChildren(...subs.flatMap((s) => subRow(s, messages, reload)));
      if (!subs.length) body.append(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, t('subs.none'))));
    } catch (e) { notice(messages, failure(e)); }
  };
  view.replaceChildren(h('section', {}, h('h1', {}, t('nav.subscriptions')), messages, createForm(messages, reload),
    h('table', { class: 'grid' }, h('thead', {}, h('tr', {},
      ['url', 'format', 'filters', 'status', 'created', 'actions'].map((c) => h('th', {}, t(`scol.${c}`))))), body)));
  await reload();
}
