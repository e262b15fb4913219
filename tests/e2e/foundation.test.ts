import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBatonServer } from './support/baton-server';
import { axeWalk, DESKTOP, launchChromium, PHONE, signIn } from './support/browser';

describe('Baton in a browser', () => {
  let server: Awaited<ReturnType<typeof startBatonServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startBatonServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints the URL and the demo logins on first start', () => {
    expect(server.output()).toContain(`is running at ${server.url}`);
    expect(server.output()).toContain('peter@ferri-bellini.example');
  });

  it('Peter signs in, switches to Italian, sees the translated interface, and signs out', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'peter@ferri-bellini.example');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).isVisible()).toBe(true);
    await page.getByLabel('Language').selectOption({ label: 'Italiano' });
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Clienti' }).isVisible()).toBe(true);
    // The choice is his profile's: it survives a reload.
    await page.reload();
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('button', { name: 'Accedi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    // Signed out for real: the API refuses the old page's requests.
    const status = await page.evaluate(async () => (await fetch('/api/auth/session')).status);
    expect(status).toBe(401);
    await page.close();
  });

  it('a wrong password shows a translated error and keeps the user on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel(/^Email$/).fill('peter@ferri-bellini.example');
    await page.getByLabel(/^Password$/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/email or password/i);
    await page.close();
  });

  // One test per viewport: each walks every page in both languages, one to two minutes on a busy 2-core machine.
  for (const viewport of [DESKTOP, PHONE]) {
    it(`every page passes an axe scan in English and Italian, on ${viewport.name}`, async () => {
      const pages = [
        '/',
        '/clients',
        '/clients/new',
        '/clients/import',
        '/absences',
        '/absences/new',
        '/profile',
        '/settings',
        '/users',
        '/outbox',
        '/brief-templates',
        '/mail/mailboxes',
      ];
      const violations = await axeWalk(browser, server.url, {
        email: 'lucia@ferri-bellini.example',
        viewports: [viewport],
        pathsFor: () => pages,
        beforeSignIn: true,
      });
      expect(violations).toEqual([]);
    });

    it(`the coverage pages (console, a contact beside its brief, escalations, coverage settings) pass an axe scan, in both languages, on ${viewport.name}`, async () => {
      const violations = await axeWalk(browser, server.url, {
        email: 'lucia@ferri-bellini.example',
        viewports: [viewport],
        pathsFor: async (page) => {
          // A contact of the demo's past absence (an admin sees every contact), with its timeline and escalations.
          const contactId = await page.evaluate(async () => {
            const queue = (await (await fetch('/api/coverage/queue?state=all&scope=all')).json()) as {
              contacts: { id: string; escalated: boolean }[];
            };
            return (queue.contacts.find((contact) => contact.escalated) ?? queue.contacts[0])?.id;
          });
          expect(contactId).toBeTruthy();
          return [
            '/coverage',
            '/coverage?state=all&scope=all',
            `/coverage/contacts/${contactId}`,
            '/coverage/escalations?state=all',
            '/settings/coverage',
          ];
        },
      });
      expect(violations).toEqual([]);
    });

    it(`the handover pages (absence with its briefs, a brief) pass an axe scan for the delegate, in both languages, on ${viewport.name}`, async () => {
      const violations = await axeWalk(browser, server.url, {
        email: 'sara@ferri-bellini.example',
        viewports: [viewport],
        pathsFor: async (page) => {
          const paths = await page.evaluate(async () => {
            const absences = (await (await fetch('/api/absences?scope=covering')).json()) as { id: string; state: string }[];
            const upcoming = absences.find((absence) => absence.state === 'handover');
            if (!upcoming) return [];
            const list = (await (await fetch(`/api/absences/${upcoming.id}/briefs`)).json()) as { briefs: { id: string }[] };
            return [`/absences/${upcoming.id}`, ...list.briefs.slice(0, 2).map((brief) => `/absences/${upcoming.id}/briefs/${brief.id}`)];
          });
          expect(paths.length).toBe(3);
          return paths;
        },
      });
      expect(violations).toEqual([]);
    });
  }
});
