// The public status page a client opens from an auto-reply: server-rendered HTML, no script, no cookie, no
// external resource. Its one inline stylesheet is allowed by hash in the page's own Content-Security-Policy.
import { createHash } from 'node:crypto';
import type { Language } from '../../contracts/workspaces.contracts';

export type StatusPage = {
  language: Language;
  workspaceName: string;
  /** Who answers now: the acting delegate while the owner is away, the owner once back. */
  contact: { name: string; email: string };
  back: boolean;
  /** The return date, already written for the client's language and the workspace time zone. */
  returnDate: string;
  /** The client-visible summaries of the client's briefs; nothing else of a brief. */
  summaries: string[];
};

const texts = {
  en: {
    title: 'Status of your requests',
    contactAway: 'Who is looking after you',
    contactBack: 'Your contact',
    returnAway: 'Expected return',
    returnBack: 'Returned',
    update: 'Update',
    noUpdate: 'There is no update to share here at the moment. For anything you need, please write to the person above.',
    private: 'This page is meant for you only: please do not forward the link.',
  },
  it: {
    title: 'Lo stato delle sue richieste',
    contactAway: 'Chi la segue',
    contactBack: 'Il suo referente',
    returnAway: 'Rientro previsto',
    returnBack: 'Rientro avvenuto',
    update: 'Aggiornamento',
    noUpdate: 'Al momento non ci sono aggiornamenti da condividere qui. Per qualsiasi necessità, scriva alla persona indicata sopra.',
    private: 'Questa pagina è destinata solo a lei: la preghiamo di non inoltrare il link.',
  },
} satisfies Record<Language, Record<string, string>>;

const css = `
:root{color-scheme:light dark;--fg:#1c2430;--muted:#5b6675;--bg:#f5f6f8;--card:#fff;--line:#dde1e7;--accent:#1f5fbf}
@media (prefers-color-scheme:dark){:root{--fg:#e8ebf0;--muted:#a5afbd;--bg:#12161c;--card:#1b2129;--line:#2c3440;--accent:#7fb0ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:36rem;margin:0 auto;padding:2rem 1rem 3rem}
.workspace{margin:0 0 .25rem;color:var(--muted);font-size:.875rem;letter-spacing:.04em;text-transform:uppercase}
h1{margin:0 0 1.5rem;font-size:1.5rem;line-height:1.25}
section{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1rem 1.25rem;margin-bottom:1rem}
h2{margin:0 0 .5rem;color:var(--muted);font-size:.8125rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase}
p{margin:0 0 .5rem;overflow-wrap:anywhere}
p:last-child{margin-bottom:0}
.name{font-size:1.125rem;font-weight:600}
.summary{white-space:pre-line}
a{color:var(--accent)}
footer{color:var(--muted);font-size:.875rem;margin-top:1.5rem}
`;

/** The Content-Security-Policy of both pages: nothing may load or run; only the stylesheet above applies. */
export const STATUS_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

const htmlDocument = (language: string, title: string, body: string) => `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;

export function renderStatusPage(page: StatusPage): string {
  const text = texts[page.language];
  const summaries = page.summaries.length
    ? page.summaries.map((summary) => `<p class="summary">${escapeHtml(summary)}</p>`).join('\n')
    : `<p>${escapeHtml(text.noUpdate)}</p>`;
  return htmlDocument(
    page.language,
    `${text.title} · ${page.workspaceName}`,
    `<p class="workspace">${escapeHtml(page.workspaceName)}</p>
<h1>${escapeHtml(text.title)}</h1>
<section>
<h2>${escapeHtml(page.back ? text.contactBack : text.contactAway)}</h2>
<p class="name">${escapeHtml(page.contact.name)}</p>
<p><a href="mailto:${escapeHtml(page.contact.email)}">${escapeHtml(page.contact.email)}</a></p>
</section>
<section>
<h2>${escapeHtml(page.back ? text.returnBack : text.returnAway)}</h2>
<p>${escapeHtml(page.returnDate)}</p>
</section>
<section>
<h2>${escapeHtml(text.update)}</h2>
${summaries}
</section>
<footer><p>${escapeHtml(text.private)}</p></footer>`,
  );
}

/**
 * The one page for every link that shows nothing (unknown, expired, revoked, switched off), in both languages:
 * the visitor's language is unknown and the reason is never told.
 */
export function renderUnavailablePage(): string {
  return htmlDocument(
    'en',
    'Page not available · Pagina non disponibile',
    `<section lang="en">
<h1>This page is not available</h1>
<p>The link may no longer be valid. For anything you need, please reply to the email you received.</p>
</section>
<section lang="it">
<h1>Questa pagina non è disponibile</h1>
<p>Il link potrebbe non essere più valido. Per qualsiasi necessità, risponda all’email ricevuta.</p>
</section>`,
  );
}
