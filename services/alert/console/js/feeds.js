// Feeds on the ingest service (CORS, see services/alert/console.py): add one, see each one's status.
import { ingestApi } from './api.js';
import { failure, field, h, notice, when } from './dom.js';
import { t } from './i18n.js';

export async function renderFeeds(view) {
  const messages = h('div', { class: 'messages' });
  const body = h('tbody', { id: 'feed-rows' });
  const reload = async () => {
    try {
      const rows = await ingestApi.get('/feeds');
      body.replaceChildren(...rows.map((f) => h('tr', { class: 'feed-row', dataset: { id: f.id } },
        h('td', { dir: 'ltr', class: 'mono url' }, f.url), h('td', {}, f.lang || '—'), h('td', {}, f.source || '—'),
        h('td', { class: 'num' }, String(f.interval_s ?? '')), h('td', {}, when(f.last_fetch_at ?? f.last_fetched_at)),
        h('td', {}, String(f.last_status ?? f.last_http_status ?? '—')),
        h('td', { class: 'small', dir: 'auto' }, f.last_error || ''), h('td', { class: 'num' }, String(f.items_seen ?? '—')),
        h('td', {}, when(f.next_fetch_at)))));
      if (!rows.length) body.append(h('tr', {}, h('td', { colspan: 9, class: 'muted' }, t('feeds.none'))));
    } catch (e) { notice(messages, failure(e)); }
  };
  const url = h('input', { name: 'url', type: 'url', required: true, dir: 'ltr', size: 40 });
  const interval = h('input', { name: 'interval_s', type: 'number', min: 30, value: 300 });
  const lang = h('select', { name: 'lang' }, ['', 'ar', 'en'].map((l) => h('option', { value: l }, l || '—')));
  const source = h('input', { name: 'source', dir: 'ltr' });
  const form = h('form', { class: 'card form-grid', id: 'feed-form' }, h('h2', {}, t('feeds.new')),
    field(t('feeds.url'), url), field(t('feeds.interval'), interval), field(t('col.languages'), lang),
    field(t('feeds.source'), source), h('button', { type: 'submit', class: 'primary' }, t('feeds.add')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { url: url.value.trim(), interval_s: Number(interval.value) };
    if (lang.value) body.lang = lang.value;
    if (source.value.trim()) body.source = source.value.trim();
    try {
      await ingestApi.post('/feeds', body);
      notice(messages, t('done.feed'), 'ok');
      form.reset();
      await reload();
    } catch (e) { notice(messages, failure(e)); }
  });
  view.replaceChildren(h('section', {}, h('h1', {}, t('nav.feeds')), messages, form,
    h('table', { class: 'grid' }, h('thead', {}, h('tr', {},
      ['url', 'lang', 'source', 'interval', 'last_fetch', 'last_status', 'last_error', 'items', 'next_fetch']
        .map((c) => h('th', {}, t(`fcol.${c}`))))), body)));
  await reload();
}
