// One incident: every article with its evidence sentence, the facility, places, actors and event words
// highlighted at their offsets (each article in its own direction), links, the deliveries made, with replay.
import { actionButtons, silenceForm } from './actions.js';
import { alertApi, enrichApi, ingestApi } from './api.js';
import { badge, failure, guessLang, h, inLang, notice, safeHref, when } from './dom.js';
import { evidenceRange, mentionsOf, segments, segmentsBySurface } from './highlight.js';
import { t } from './i18n.js';
import { facilityName } from './incidents.js';
import { onChange, store, upsert } from './store.js';

// `part`: which stored field the offsets index, the body (`text`) or the headline (`title`)
function marked(parts, part = 'text') {
  return parts.map((p) => (p.mention
    ? h('mark', { class: `hl hl-${p.mention.kind}`, title: `${t(`hl.${p.mention.kind}`)}: ${p.mention.label}`,
      dataset: { kind: p.mention.kind, start: p.mention.start, end: p.mention.end, id: p.mention.id || '', part } },
    p.text)
    : p.text));
}

async function articleCard(art) {
  const [got, ann] = await Promise.allSettled([ingestApi.get(`/articles/${encodeURIComponent(art.article_id)}`),
    enrichApi.get(`/annotations/${encodeURIComponent(art.article_id)}`)]);
  const stored = got.status === 'fulfilled' ? got.value : null;
  const annotation = ann.status === 'fulfilled' ? ann.value : null;
  const text = stored?.text ?? null;
  const lang = stored?.lang || annotation?.lang || art.lang || guessLang(art.evidence);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const href = safeHref(stored?.url ?? art.url);
  const title = stored?.title ?? art.title ?? art.article_id;
  let evidence;
  let full = null;
  if (text && annotation) {
    const mentions = mentionsOf(annotation);
    const facility = (annotation.facilities || []).find((f) => art.surface == null || f.surface === art.surface)
      || (annotation.facilities || [])[0];
    const [from, to] = evidenceRange(text, art.evidence, facility);
    evidence = marked(segments(text, from, to, mentions));
    full = h('details', { class: 'full-text' }, h('summary', {}, t('incident.full_text')),
      h('p', { dir, lang }, marked(segments(text, 0, text.length, mentions))));
  } else {
    evidence = marked(segmentsBySurface(art.evidence || '', art.surface));
  }
  // the headline's own mentions (annotation.title) index the stored title: marked there too
  const heading = stored?.title && annotation?.title
    ? marked(segments(stored.title, 0, stored.title.length, mentionsOf(annotation.title)), 'title') : title;
  const why = [got, ann].filter((r) => r.status === 'rejected').map((r) => failure(r.reason));
  return h('article', { class: `evidence-card lang-${lang}`, dir, lang, dataset: { article: art.article_id } },
    h('h3', {}, href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, heading) : heading),
    h('p', { class: 'meta' }, [stored?.source ?? art.source, (stored?.published_at ?? art.published_at)
      && when(stored?.published_at ?? art.published_at), lang]
      .filter(Boolean).join(' · ')),
    h('blockquote', { class: 'evidence' }, evidence),
    full,
    why.length ? h('p', { class: 'muted small', dir: 'auto' }, t('incident.partial', { why: why.join('; ') })) : '');
}

async function deliveriesBlock(incident, where) {
  const box = h('section', { class: 'deliveries' }, h('h2', {}, t('incident.deliveries')));
  let rows;
  try {
    rows = await alertApi.get('/deliveries', { alert_id: incident.id, limit: 500 });
  } catch (e) {
    box.append(h('p', { class: 'error' }, failure(e)));
    return box;
  }
  box.append(deliveryTable(rows, where));
  return box;
}

export function deliveryTable(rows, where) {
  if (!rows.length) return h('p', { class: 'muted' }, t('deliveries.none'));
  const replay = async (d, btn) => {
    btn.disabled = true;
    try {
      await alertApi.post(`/deliveries/${d.id}/replay`);
      notice(where, t('done.replay'), 'ok');
    } catch (e) {
      notice(where, failure(e));
      btn.disabled = false;
    }
  };
  return h('table', { class: 'grid delivery-log' },
    h('thead', {}, h('tr', {}, ['created', 'subscription', 'status', 'attempts', 'code', 'error', 'delivered', '']
      .map((c) => h('th', {}, c ? t(`dcol.${c}`) : '')))),
    h('tbody', {}, rows.map((d) => {
      const btn = h('button', { class: 'act-replay' }, t('act.replay'));
      btn.addEventListener('click', () => replay(d, btn));
      return h('tr', { dataset: { id: d.id } }, h('td', {}, when(d.created_at)),
        h('td', { class: 'mono' }, String(d.subscription_id).slice(0, 8)),
        h('td', {}, badge(d.status, `dstatus-${d.status}`)), h('td', { class: 'num' }, String(d.attempts)),
        h('td', {}, d.last_status_code ?? '—'), h('td', { class: 'small', dir: 'auto' }, d.last_error ?? ''),
        h('td', {}, when(d.delivered_at)), h('td', {}, btn));
    })));
}

export async function renderIncident(view, id) {
  const messages = h('div', { class: 'messages' });
  view.replaceChildren(h('p', { class: 'muted' }, t('loading')));
  let incident = store.incidents.get(id);
  try {
    incident = upsert(await alertApi.get(`/alerts/${encodeURIComponent(id)}`));
  } catch (e) {
    if (!incident) { view.replaceChildren(h('p', { class: 'error' }, failure(e))); return () => {}; }
  }
  const header = h('header', { class: 'incident-head' });
  const formSlot = h('div', { class: 'form-slot' }); // outside the header, which a change event redraws
  const drawHeader = (inc) => header.replaceChildren(
    h('h1', {}, facilityName(inc)),
    h('p', { class: 'facts' },
      inc.severity ? badge(t(`v.${inc.severity}`), `sev-${inc.severity}`) : '', ' ',
      badge(t(`v.${inc.state}`), `state-${inc.state}`), ' ', inc.silenced ? badge(t('v.silenced'), 'silenced') : '',
      ` ${t(`v.${inc.kind}`)} · ${inc.country || '—'} · ${t('incident.articles', { n: inc.article_count })}`,
      ` · ${t('col.first_seen')}: ${when(inc.first_seen)} · ${t('col.last_seen')}: ${when(inc.last_seen)}`,
      inc.languages?.length ? ` · ${inc.languages.join(', ')}` : ''),
    inc.actors?.length ? h('p', { class: 'muted' }, `${t('incident.actors')}: `, inc.actors.map((a) => inLang(a)).flatMap((x) => [x, ' · ']).slice(0, -1)) : '',
    actionButtons(inc, messages, { onSilence: () => formSlot.replaceChildren(silenceForm(inc, messages)) }));
  drawHeader(incident);
  const cards = h('div', { class: 'evidence-grid', id: 'evidence' });
  const legend = h('p', { class: 'legend small' }, ['facility', 'place', 'actor', 'event']
    .map((k) => h('mark', { class: `hl hl-${k}` }, t(`hl.${k}`))).flatMap((m) => [m, ' ']));
  view.replaceChildren(h('section', { class: 'incident' }, h('p', {}, h('a', { href: '#/incidents' }, t('back'))),
    messages, header, formSlot, h('h2', {}, t('incident.evidence')), legend, cards));
  const drawArticles = async (inc) => {
    const built = await Promise.all(inc.articles.map(articleCard));
    cards.replaceChildren(...built);
    cards.dataset.ready = 'true';
  };
  await drawArticles(incident);
  view.firstChild.append(await deliveriesBlock(incident, messages));
  return onChange((change) => {
    if (change.type !== 'upsert' || change.incident.id !== id) return;
    const grew = change.incident.articles.length !== incident.articles.length;
    incident = change.incident;
    drawHeader(incident);
    if (grew) drawArticles(incident);
  });
}
