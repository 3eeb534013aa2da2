// Silences: create by matchers (or from an incident, see actions.js), list, expire.
import { createSilence, DURATIONS_H } from './actions.js';
import { alertApi } from './api.js';
import { failure, field, h, notice, when } from './dom.js';
import { t } from './i18n.js';

const NAMES = ['facility_id', 'kind', 'country', 'severity', 'actor', 'event_type'];
const OPS = ['=', '!=', '=~', '!~'];

function matcherRow() {
  return h('div', { class: 'matcher' },
    h('select', { name: 'm-name' }, NAMES.map((n) => h('option', { value: n }, n))),
    h('select', { name: 'm-op' }, OPS.map((o) => h('option', { value: o }, o))),
    h('input', { name: 'm-value', dir: 'ltr', required: true }),
    h('button', { type: 'button', onclick: (ev) => ev.target.parentElement.remove() }, '×'));
}

export function matcherText(m) {
  const op = m.op ?? m.operator ?? (m.isRegex ? '=~' : m.isEqual === false ? '!=' : '=');
  return `${m.name}${op}${JSON.stringify(m.value)}`;
}

export async function renderSilences(view) {
  const messages = h('div', { class: 'messages' });
  const body = h('tbody', { id: 'silence-rows' });
  const reload = async () => {
    try {
      const rows = await alertApi.get('/silences');
      body.replaceChildren(...rows.map((s) => h('tr', { class: 'silence-row', dataset: { id: s.id } },
        h('td', { dir: 'ltr', class: 'mono' }, (s.matchers || []).map(matcherText).join(', ')),
        h('td', {}, when(s.starts_at)), h('td', {}, when(s.ends_at)),
        h('td', { dir: 'auto' }, s.comment || ''), h('td', {}, s.created_by || ''),
        h('td', {}, s.state ?? (new Date(s.ends_at) > new Date() ? t('sil.active') : t('sil.expired'))),
        h('td', {}, h('button', { class: 'act-expire', onclick: async () => {
          try { await alertApi.del(`/silences/${s.id}`); notice(messages, t('done.expired'), 'ok'); await reload(); } catch (e) { notice(messages, failure(e)); }
        } }, t('sil.expire'))))));
      if (!rows.length) body.append(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, t('sil.none'))));
    } catch (e) { notice(messages, failure(e)); }
  };
  const matchers = h('div', { class: 'matchers' }, matcherRow());
  const hours = h('select', { name: 'hours' }, DURATIONS_H.map((n) => h('option', { value: n }, t('silence.hours', { n }))));
  const comment = h('input', { name: 'comment', dir: 'auto' });
  const form = h('form', { class: 'card form-grid', id: 'silence-form' }, h('h2', {}, t('sil.new')),
    h('fieldset', { class: 'wide' }, h('legend', {}, t('sil.matchers')), matchers,
      h('button', { type: 'button', onclick: () => matchers.append(matcherRow()) }, t('sil.add_matcher'))),
    field(t('sil.duration'), hours), field(t('silence.comment'), comment),
    h('button', { type: 'submit', class: 'primary' }, t('silence.create')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ms = [...matchers.querySelectorAll('.matcher')].map((row) => {
      const m = { name: row.querySelector('[name=m-name]').value, value: row.querySelector('[name=m-value]').value.trim() };
      const op = row.querySelector('[name=m-op]').value;
      if (op !== '=') m.op = op;
      return m;
    });
    try {
      await createSilence({ matchers: ms, hours: Number(hours.value), comment: comment.value });
      notice(messages, t('done.silence', { name: ms.map(matcherText).join(', ') }), 'ok');
      form.reset();
      await reload();
    } catch (e) { notice(messages, failure(e)); }
  });
  view.replaceChildren(h('section', {}, h('h1', {}, t('nav.silences')), messages, form,
    h('table', { class: 'grid' }, h('thead', {}, h('tr', {},
      ['matchers', 'starts', 'ends', 'comment', 'by', 'state', ''].map((c) => h('th', {}, c ? t(`silcol.${c}`) : '')))), body)));
  await reload();
}
