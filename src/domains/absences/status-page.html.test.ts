import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderStatusPage, renderUnavailablePage, STATUS_PAGE_CSP } from './status-page.html';

const page = {
  language: 'it' as const,
  workspaceName: 'Studio <Rossi> & Co',
  contact: { name: 'Sara "S" Colombo', email: 'sara@example.test' },
  back: false,
  returnDate: 'lunedì 16 marzo 2026',
  summaries: ['<script>alert(1)</script>\nSecond line'],
};

describe('the status page', () => {
  it('escapes everything it shows', () => {
    const html = renderStatusPage(page);
    expect(html).toContain('Studio &lt;Rossi&gt; &amp; Co');
    expect(html).toContain('Sara &quot;S&quot; Colombo');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
  });

  it('allows its one stylesheet by hash, and nothing else', () => {
    for (const html of [renderStatusPage(page), renderUnavailablePage()]) {
      const css = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
      expect(STATUS_PAGE_CSP).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    }
    expect(STATUS_PAGE_CSP).toContain("default-src 'none'");
    expect(STATUS_PAGE_CSP).not.toContain('unsafe-inline');
  });

  it('says when there is no update to share, in the client’s language', () => {
    expect(renderStatusPage({ ...page, summaries: [] })).toContain('Al momento non ci sono aggiornamenti');
    expect(renderStatusPage({ ...page, language: 'en', summaries: [] })).toContain('There is no update to share');
  });
});
