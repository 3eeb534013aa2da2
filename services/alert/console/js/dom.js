// DOM helpers. Everything from the API is put in the page as text (textContent), never as HTML.
import { t, lang } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

// Only http(s) links are followed: a `javascript:` URL stored in an article must not run here.
export function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch { return null; }
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(lang() === 'ar' ? 'ar-SY-u-nu-latn' : 'en-GB',
    { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d) + ' UTC';
}

// A text in a language of its own, isolated from the page's direction (Arabic inside English and back).
export function inLang(text, code) {
  if (!text) return '';
  const l = code || guessLang(text);
  return h('bdi', { lang: l, dir: l === 'ar' ? 'rtl' : 'ltr' }, text);
}

export function guessLang(text) {
  return /[\u0600-\u06FF]/.test(text || '') ? 'ar' : 'en';
}

export function notice(container, message, kind = 'error') {
  const el = h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  container.prepend(el);
  setTimeout(() => el.remove(), kind === 'error' ? 12000 : 6000);
  return el;
}

// The reason an action failed, in the user's words: no scope, not available on this server, or the API's own.
export function failure(err) {
  if (err && err.status === 403) return t('err.scope');
  if (err && (err.status === 404 || err.status === 405) && err.missingRoute) return t('err.unavailable');
  if (err && err.status === 0) return t('err.network', { detail: err.message });
  return err && err.message ? err.message : String(err);
}

export function badge(text, cls) {
  return h('span', { class: `badge ${cls || ''}` }, text);
}

export function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}
