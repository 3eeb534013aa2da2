// Ack, resolve and silence an incident: from the list and from its page.
import { alertApi } from './api.js';
import { failure, h, notice } from './dom.js';
import { t } from './i18n.js';
import { upsert } from './store.js';

export async function setState(incident, action, where) {
  try {
    upsert(await alertApi.post(`/alerts/${incident.id}/${action}`));
    notice(where, t(action === 'ack' ? 'done.ack' : 'done.resolve'), 'ok');
  } catch (e) {
    notice(where, failure(e));
  }
}

export const DURATIONS_H = [1, 6, 24, 168];

export async function createSilence({ matchers, hours, comment }) {
  const now = new Date();
  return alertApi.post('/silences', {
    matchers,
    starts_at: now.toISOString(),
    ends_at: new Date(now.getTime() + hours * 3600e3).toISOString(),
    comment: comment || t('silence.default_comment'),
    created_by: 'console',
  });
}

// A small form under the incident: how long, why; the matcher is the incident's facility.
export function silenceForm(incident, where) {
  const hours = h('select', { name: 'hours' }, DURATIONS_H.map((n) => h('option', { value: n }, t('silence.hours', { n }))));
  const comment = h('input', { name: 'comment', placeholder: t('silence.comment') });
  const form = h('form', { class: 'inline-form silence-form' },
    h('span', {}, t('silence.for', { name: incident.name })), hours, comment,
    h('button', { type: 'submit', class: 'primary' }, t('silence.create')),
    h('button', { type: 'button', onclick: () => form.remove() }, t('cancel')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await createSilence({ matchers: [{ name: 'facility_id', value: incident.facility_id }],
        hours: Number(hours.value), comment: comment.value });
      notice(where, t('done.silence', { name: incident.name }), 'ok');
      form.remove();
    } catch (e) {
      notice(where, failure(e));
    }
  });
  return form;
}

export function actionButtons(incident, where, { onSilence }) {
  return h('span', { class: 'actions' },
    h('button', { class: 'act-ack', disabled: incident.state !== 'firing', onclick: () => setState(incident, 'ack', where) }, t('act.ack')),
    h('button', { class: 'act-resolve', disabled: incident.state === 'resolved', onclick: () => setState(incident, 'resolve', where) }, t('act.resolve')),
    h('button', { class: 'act-silence', onclick: onSilence }, t('act.silence')));
}
