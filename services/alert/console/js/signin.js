import { alertApi, auth } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

export function renderSignin(view, { onSignedIn }) {
  const input = h('input', { type: 'password', id: 'api-key', name: 'api-key', autocomplete: 'off', required: true,
    spellcheck: 'false', dir: 'ltr', placeholder: 'rk_…' });
  const error = h('p', { class: 'error', id: 'signin-error', role: 'alert' });
  const form = h('form', { class: 'card signin', id: 'signin-form' },
    h('h1', {}, t('signin.title')),
    h('p', { class: 'muted' }, t('signin.explain')),
    h('label', { class: 'field' }, h('span', {}, t('signin.key')), input),
    h('button', { type: 'submit', class: 'primary', id: 'signin-submit' }, t('signin.submit')),
    error);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    auth.set(input.value.trim());
    try {
      await alertApi.get('/alerts', { limit: 1 }); // any read checks the key
      onSignedIn();
    } catch (e) {
      auth.clear();
      error.textContent = e.status === 401 ? t('signin.refused') : e.status === 403 ? t('signin.noread') : e.message;
    }
  });
  view.replaceChildren(form);
  input.focus();
}
