import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import absencesEn from '../../web/src/features/absences/locales/en.json';
import absencesIt from '../../web/src/features/absences/locales/it.json';
import { startBatonServer } from './support/baton-server';
import { axeViolations, launchChromium, overflowsSideways, signIn } from './support/browser';

const phone = { width: 375, height: 812 };
const useLanguage = (page: Page, option: 'English' | 'Italiano') =>
  page
    .getByRole('banner')
    .getByLabel(/^(Language|Lingua)$/)
    .selectOption({ label: option });

describe('The client status link in a browser, on a phone-sized screen', () => {
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

  const newPage = async () => {
    const context = await browser.newContext({ viewport: phone });
    onTestFinished(() => context.close());
    return { context, page: await context.newPage() };
  };

  it('Anna switches the link on for her next absence and sees every covered client, in English and Italian', async () => {
    const { page } = await newPage();
    await signIn(page, server.url, 'anna@ferri-bellini.example');
    const mine = (await (await page.request.get(`${server.url}/api/absences?scope=mine`)).json()) as { id: string; state: string }[];
    const upcoming = mine.find((absence) => absence.state === 'handover');
    if (!upcoming) throw new Error('the demo has no upcoming absence for Anna');
    await page.goto(`${server.url}/absences/${upcoming.id}`);
    await useLanguage(page, 'English');

    const panel = page.getByRole('region', { name: absencesEn.statusLink.title });
    await panel.getByText(absencesEn.statusLink.offHint).waitFor();
    await panel.getByRole('checkbox', { name: absencesEn.statusLink.enable }).check();
    await panel.getByText(/^Every reply to a client carries a new link/).waitFor();
    expect(await panel.getByRole('table', { name: absencesEn.statusLink.title }).getByText(absencesEn.statusLink.never).count()).toBe(5);
    await page.waitForLoadState('networkidle');
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await useLanguage(page, 'Italiano');
    const pannello = page.getByRole('region', { name: absencesIt.statusLink.title });
    await pannello.getByRole('checkbox', { name: absencesIt.statusLink.enable, checked: true }).waitFor();
    await pannello.getByText(/^Ogni risposta a un cliente contiene un nuovo link/).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a link that shows nothing gets the neutral page: styled under its own CSP, no cookie, readable on a phone', async () => {
    const { context, page } = await newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });
    const response = await page.goto(`${server.url}/status/${'A'.repeat(43)}`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'This page is not available' }).waitFor();
    await page.getByRole('heading', { name: 'Questa pagina non è disponibile' }).waitFor();
    // The inline stylesheet applied: the CSP hash matches what the browser computes.
    expect(await page.evaluate<string>("getComputedStyle(document.querySelector('main')).maxWidth")).toBe('576px');
    expect(blocked).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });
});
