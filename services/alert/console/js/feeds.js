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
      body.replaceChildren(...rows.map((f) => {
        const st = f.status || {};
        const pause = async () => {
          try { await ingestApi.patch(`/feeds/${f.id}`, { active: !f.active }); await reload(); } catch (e) { notice(messages, failure(e)); }
        };
        return h('tr', { class: `feed-row${f.active ? '' : ' paused'}`, dataset: { id: f.id } },
          h('td', { dir: 'ltr', class: 'mono url' }, f.url), h('td', {}, f.lang || '—'), h('td', {}, f.source || '—'),
          h('td', { class: 'num' }, String(f.interval_s)), h('td', {}, when(st.last_fetch_at)),
          h('td', { class: 'feed-status' }, String(st.last_status ?? '—')),
          h('td', { class: 'small', dir: 'auto' }, st.last_error || '', st.errors_in_row ? ` (×${st.errors_in_row})` : ''),
          h('td', { class: 'num feed-items' }, String(st.items_seen ?? 0)), h('td', { class: 'num' }, String(st.articles_new ?? 0)),
          h('td', {}, f.active ? when(st.next_fetch_at) : t('feeds.paused')),
          h('td', {}, h('button', { class: 'act-pause', onclick: pause }, t(f.active ? 'feeds.pause' : 'feeds.resume'))));
      }));
      if (!rows.length) body.append(h('tr', {}, h('td', { colspan: 11, class: 'muted' }, t('feeds.none'))));
    } catch (e) { notice(messages, failure(e)); }
  };
  const url = h('input', { name: 'url', type: 'url', required: true, dir: 'ltr', size: 40 });
  const interval = h('input', { name: 'interval_s', type: 'number', min: 1, value: 300 });
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
      ['url', 'lang', 'source', 'interval', 'last_fetch', 'last_status', 'last_error', 'items', 'articles', 'next_fetch', '']
        .map((c) => h('th', {}, c ? t(`fcol.${c}`) : '')))), body)));
  await reload();
}
