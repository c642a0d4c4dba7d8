// The demo eID provider's pages: plain, accessible HTML (large text, labelled controls,
// visible focus) that works without JavaScript.
import { translate, type Locale } from '../../../platform/i18n.ts';
import type { DemoPerson } from './demo-provider.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function layout(locale: Locale, body: string): string {
  const t = (k: string) => escapeHtml(translate(locale, k));
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('identity.eid_demo.title')}</title>
<style>
  body { font: 1.125rem/1.5 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1a1a1a; }
  main { max-width: 32rem; margin: 0 auto; padding: 1.5rem 1rem; }
  h1 { font-size: 1.5rem; color: #a50e0e; }
  fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; }
  legend { font-weight: 700; margin-bottom: .75rem; }
  label { display: block; background: #fff; border: 2px solid #c4c9d0; border-radius: .5rem; padding: .75rem 1rem; margin-bottom: .75rem; cursor: pointer; }
  label:has(input:checked) { border-color: #a50e0e; }
  input[type=radio] { width: 1.25rem; height: 1.25rem; margin-right: .5rem; vertical-align: middle; }
  .meta { display: block; color: #4a4f55; font-size: 1rem; margin-left: 1.9rem; }
  button { font: inherit; min-height: 3rem; padding: .5rem 1.5rem; border-radius: .5rem; border: 2px solid #a50e0e; cursor: pointer; }
  .primary { background: #a50e0e; color: #fff; }
  .secondary { background: #fff; color: #a50e0e; }
  :focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
  .error { background: #fdecea; border-left: 4px solid #a50e0e; padding: .75rem 1rem; }
  .actions { display: flex; gap: 1rem; flex-wrap: wrap; }
</style>
</head>
<body><main>
<h1>${t('identity.eid_demo.title')}</h1>
${body}
</main></body>
</html>`;
}

export function loginPage(locale: Locale, uid: string, people: readonly DemoPerson[], errorKey: string | null): string {
  const t = (k: string, p?: Record<string, string | number>) => escapeHtml(translate(locale, k, p));
  const action = `/oidc/interaction/${encodeURIComponent(uid)}`;
  const options = people
    .map((p, i) => `<label><input type="radio" name="person" value="${escapeHtml(p.sub)}"${i === 0 ? ' checked' : ''}> <strong>${escapeHtml(p.HoVaTen)}</strong>
  <span class="meta">CCCD ${escapeHtml(p.SoDinhDanh)} · ${t('identity.eid_demo.born', { date: p.NgayThangNamSinh })} · ${t('identity.eid_demo.level', { level: p.LoaiTaiKhoan })}</span></label>`)
    .join('\n');
  return layout(locale, `<p>${t('identity.eid_demo.notice')}</p>
${errorKey ? `<p class="error" role="alert">${t(errorKey)}</p>` : ''}
<form method="post" action="${action}">
<fieldset><legend>${t('identity.eid_demo.choose')}</legend>
${options}
</fieldset>
<div class="actions">
<button type="submit" class="primary">${t('identity.eid_demo.submit')}</button>
<button type="submit" class="secondary" formaction="${action}/abort">${t('identity.eid_demo.cancel')}</button>
</div>
</form>`);
}

export function errorPage(locale: Locale, message: string | null): string {
  const text = message ? translate(locale, 'identity.eid_demo.error', { message }) : translate(locale, 'identity.eid_demo.expired');
  return layout(locale, `<p class="error" role="alert">${escapeHtml(text)}</p>`);
}
