import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import coverageEn from '../../web/src/features/coverage/locales/en.json';
import coverageIt from '../../web/src/features/coverage/locales/it.json';
import { freePort } from '../support/free-port';
import { startBatonServer } from './support/baton-server';
import { axeViolations, DEMO_PASSWORD, launchChromium, signIn } from './support/browser';

/** An API client signed in as a demo user (cookie + CSRF token), for the parts of the story that are set-up. */
async function apiAs(baseUrl: string, email: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${email}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** A wall-clock time in Rome (the demo workspace's zone) as the plan form sends it: `2026-12-01T10:30`. */
const romeLocal = (at: Date) => at.toLocaleString('sv-SE', { timeZone: 'Europe/Rome' }).replace(' ', 'T').slice(0, 16);

describe('Coverage in a browser: a client email during Anna’s absence reaches Peter, and a gap reaches Marco', () => {
  let server: Awaited<ReturnType<typeof startBatonServer>>;
  let browser: Browser;
  let smtpPort: number;
  const northwindMessageId = `<board-${Date.now()}@northwind-logistics.example>`;

  beforeAll(async () => {
    smtpPort = await freePort();
    server = await startBatonServer({ SMTP_INBOUND_PORT: String(smtpPort) });
    browser = await launchChromium();

    // Set-up through the API: Anna plans a short absence starting in a minute or two, writes two briefs and shares
    // them; Peter acknowledges Vini Lucchesi's.
    const lucia = await apiAs(server.url, 'lucia@ferri-bellini.example');
    const users = await lucia<{ id: string; email: string }[]>('GET', '/api/users');
    const id = (name: string) => users.find((user) => user.email.startsWith(name))?.id ?? '';
    const anna = await apiAs(server.url, 'anna@ferri-bellini.example');
    const startsAt = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000);
    const absence = await anna<{ id: string }>('POST', '/api/absences', {
      startsAt: romeLocal(startsAt),
      endsAt: romeLocal(new Date(startsAt.getTime() + 3 * 86_400_000)),
      primaryDelegateId: id('peter'),
      backupDelegateId: id('sara'),
      managerId: id('marco'),
    });
    await anna('POST', `/api/absences/${absence.id}/briefs/all`, {});
    const { briefs } = await anna<{ briefs: { id: string; clientName: string }[] }>('GET', `/api/absences/${absence.id}/briefs`);
    const briefOf = (name: string) => briefs.find((brief) => brief.clientName.startsWith(name))?.id ?? '';
    await anna('PATCH', `/api/briefs/${briefOf('Northwind')}`, {
      content: {
        situation: 'Quarterly reporting dashboard: the data migration finishes in week two.',
        faq: [{ question: 'Will the January board report have Q4 data?', answer: 'Yes, if the migration finishes by the second Friday.' }],
      },
    });
    await anna('PATCH', `/api/briefs/${briefOf('Vini')}`, { content: { situation: 'Invoices go out on the 5th from amministrazione.' } });
    await anna('POST', `/api/absences/${absence.id}/briefs/share`, {});
    const peter = await apiAs(server.url, 'peter@ferri-bellini.example');
    const vini = await peter<{ current: { version: number; contentHash: string } }>('GET', `/api/briefs/${briefOf('Vini')}`);
    await peter('POST', `/api/briefs/${briefOf('Vini')}/acknowledgements`, {
      version: vini.current.version,
      contentHash: vini.current.contentHash,
    });
    // The start job runs at the start time (the runner polls every second).
    const deadline = Date.now() + 180_000;
    while ((await anna<{ state: string }>('GET', `/api/absences/${absence.id}`)).state !== 'active') {
      if (Date.now() > deadline) throw new Error('the absence did not start');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }

    // Two clients write to Anna; the mail reaches Baton through its SMTP endpoint.
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await smtp.sendMail({
      from: 'James Whitaker <james.whitaker@northwind-logistics.example>',
      to: 'anna@ferri-bellini.example',
      subject: 'January board report',
      text: 'Hi Anna,\n\nwill the January board report have the Q4 data in it?\n\nThanks,\nJames',
      messageId: northwindMessageId,
    });
    await smtp.sendMail({
      from: 'Paolo Lucchesi <paolo@vinilucchesi.example>',
      to: 'anna@ferri-bellini.example',
      subject: 'Etichette nuove',
      text: 'Buongiorno, quando arrivano le nuove etichette per il Chianti?\n\nPaolo',
    });
    smtp.close();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pageAs = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, email);
    return page;
  };

  it('Peter sees the email with the brief and the matching FAQ answer, and replies; the reply is queued threaded', async () => {
    const page = await pageAs('peter@ferri-bellini.example');
    const t = coverageEn;
    await page.goto(`${server.url}/coverage`);
    const link = page.getByRole('link', { name: 'January board report' }).first();
    await expect.poll(async () => link.isVisible().catch(() => false), { timeout: 60_000, interval: 1_000 }).toBe(true);
    await link.click();
    await page.getByRole('heading', { name: t.faq.title }).waitFor();
    await expect(page.getByText('Will the January board report have Q4 data?').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('Quarterly reporting dashboard', { exact: false }).first().isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: t.faq.use }).first().click();
    await expect(page.getByLabel(t.reply.label).inputValue()).resolves.toContain('second Friday');
    await page.getByRole('button', { name: t.reply.send }).click();
    await page.getByText(t.reply.sent).waitFor();

    const lucia = await apiAs(server.url, 'lucia@ferri-bellini.example');
    const outbox = await lucia<{ kind: string; subject: string; to: string; headers: Record<string, string> }[]>('GET', '/api/outbox');
    const reply = outbox.find((mail) => mail.kind === 'coverage.reply');
    expect(reply).toMatchObject({ to: 'james.whitaker@northwind-logistics.example', subject: 'Re: January board report' });
    expect(reply?.headers['In-Reply-To']).toBe(northwindMessageId);
    await page.context().close();
  });

  it('Peter closes the other contact as “no information” after confirming against the brief he acknowledged; Marco sees the escalation', async () => {
    const page = await pageAs('peter@ferri-bellini.example');
    const t = coverageEn;
    await page.goto(`${server.url}/coverage`);
    await page.getByRole('link', { name: 'Etichette nuove' }).first().click();
    await page.getByRole('heading', { name: t.outcome.title }).waitFor();
    await page.getByRole('radio', { name: new RegExp(`^${t.outcomes.no_information}`) }).check();
    await page.getByLabel(t.outcome.noteRequired).fill('Nothing about the new labels or their delivery date.');
    await page.getByRole('button', { name: t.outcome.submit }).click();
    await page.getByRole('heading', { name: t.confirm.title }).waitFor();
    await page.getByRole('button', { name: t.confirm.confirm }).click();
    await page.getByRole('heading', { name: t.closed.title }).waitFor();
    await page.context().close();

    const marco = await pageAs('marco@ferri-bellini.example');
    await marco.goto(`${server.url}/coverage/escalations`);
    const it = coverageIt;
    const item = marco.getByText(`${it.rules.no_information} · Vini Lucchesi`, { exact: false }).first();
    await expect.poll(async () => item.isVisible().catch(() => false), { timeout: 30_000, interval: 1_000 }).toBe(true);
    await expect(marco.getByText('Nothing about the new labels or their delivery date.').first().isVisible()).resolves.toBe(true);
    expect(await axeViolations(marco)).toEqual([]);
    await marco.context().close();
  });
});
