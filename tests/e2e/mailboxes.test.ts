import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessages, SECRET_KEY } from '../mail/imap-support';
import { type Dovecot, IMAP_PASSWORD, IMAP_USER, startDovecot } from '../support/dovecot';
import { startBatonServer } from './support/baton-server';
import { axeViolations, launchChromium, signIn } from './support/browser';

const ADDRESS = 'lucia.inbox@ferri-bellini.example';

function mailWithAttachment(): Buffer {
  return Buffer.from(
    [
      'From: Giulia Orsini <giulia.orsini@orsini-costruzioni.example>',
      `To: ${ADDRESS}`,
      'Subject: Verbale del cantiere',
      'Message-ID: <e2e-verbale@orsini-costruzioni.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'In allegato il verbale della riunione di ieri.',
      '--b',
      'Content-Type: text/html; name="verbale.html"',
      'Content-Disposition: attachment; filename="verbale.html"',
      '',
      '<script>alert(1)</script><p>Verbale</p>',
      '--b--',
      '',
    ].join('\r\n'),
  );
}

async function inEnglish(page: Page) {
  await page.getByLabel(/^(Language|Lingua)$/).selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('mailboxes in a browser (a real Dovecot)', () => {
  let dovecot: Dovecot;
  let server: Awaited<ReturnType<typeof startBatonServer>>;
  let browser: Browser;

  beforeAll(async () => {
    dovecot = await startDovecot();
    server = await startBatonServer({ BATON_SECRET_KEY: SECRET_KEY });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await dovecot?.stop();
  });

  it('Lucia adds an IMAP mailbox, tests it, sees it live; a new message arrives with a safe attachment download', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'lucia@ferri-bellini.example');
    await inEnglish(page);
    await page.goto(`${server.url}/mail`);
    await page.getByRole('link', { name: 'Mailboxes' }).click();
    await page.getByRole('heading', { name: 'Mailboxes', level: 1 }).waitFor();

    await page.getByLabel('Address').fill(ADDRESS);
    await page.getByLabel('TLS from the start (IMAPS)').uncheck();
    await page.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(dovecot.port));
    await page.getByLabel('Login').fill(IMAP_USER);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('The server refused the login or password.').waitFor();

    await page.getByLabel('Password').fill(IMAP_PASSWORD);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Connected: 0 messages in INBOX.').waitFor();
    await page.getByRole('button', { name: 'Add mailbox' }).click();
    await page.getByText(`Mailbox ${ADDRESS} added.`).waitFor();
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: ADDRESS }) });
    // The server's IDLE watcher connects; the list refreshes on its own.
    await card.getByText('Live', { exact: true }).waitFor({ timeout: 90_000 });
    expect(await page.content()).not.toContain(IMAP_PASSWORD);

    await appendMessages(dovecot, [mailWithAttachment()]);
    await page.goto(`${server.url}/mail`);
    const deadline = Date.now() + 90_000;
    while (!(await page.getByRole('link', { name: 'Verbale del cantiere' }).isVisible())) {
      if (Date.now() > deadline) throw new Error('the message did not arrive');
      await page.waitForTimeout(250);
      await page.reload();
      await page.getByRole('main').waitFor();
      await page.waitForLoadState('networkidle');
    }
    await page.getByRole('link', { name: 'Verbale del cantiere' }).click();
    const download = page.getByRole('link', { name: 'Download verbale.html' });
    await download.waitFor();
    const response = await page.request.get(new URL((await download.getAttribute('href')) ?? '', server.url).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()).toMatchObject({
      'content-type': 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="verbale.html"; filename*=UTF-8''verbale.html`,
    });
    await page.close();
  });

  it('the mailboxes page passes an axe scan in English and Italian, on a desktop and on a phone, and fits a phone', async () => {
    const violations: string[] = [];
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 375, height: 800 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await signIn(page, server.url, 'lucia@ferri-bellini.example');
      for (const [language, logout] of [
        ['Italiano', 'Esci'],
        ['English', 'Log out'],
      ] as const) {
        await page.getByLabel(/^(Language|Lingua)$/).selectOption({ label: language });
        await page.getByRole('button', { name: logout }).waitFor();
        await page.goto(`${server.url}/mail/mailboxes`);
        await page.getByRole('heading', { name: ADDRESS }).waitFor();
        await page.waitForLoadState('networkidle');
        // The edit form and the problems list are part of the page too.
        await page.getByRole('button', { name: /^(Edit settings|Modifica impostazioni)$/ }).click();
        violations.push(...(await axeViolations(page)));
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
        expect({ viewport: viewport.width, language, overflow }).toEqual({ viewport: viewport.width, language, overflow: 0 });
      }
      await context.close();
    }
    expect(violations).toEqual([]);
  });
});
