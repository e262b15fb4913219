import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import recoveryEn from '../../web/src/features/recovery/locales/en.json';
import recoveryIt from '../../web/src/features/recovery/locales/it.json';
import { startBatonServer } from './support/baton-server';
import { axeViolations, launchChromium, overflowsSideways, screenshotter, signIn } from './support/browser';

const phone = { width: 375, height: 812 };
const ui = { en: { option: 'English', t: recoveryEn }, it: { option: 'Italiano', t: recoveryIt } } as const;
type Texts = (typeof ui)[keyof typeof ui];
/** A template's fixed text before its first placeholder, to find a heading whatever the name in it. */
const prefix = (template: string) => template.split('{{')[0] ?? template;

const shoot = screenshotter('recovery');

async function useLanguage(page: Page, texts: Texts) {
  await page
    .getByRole('banner')
    .getByLabel(/^(Language|Lingua)$/)
    .selectOption({ label: texts.option });
  await page.getByRole('link', { name: texts.t.nav, exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
}

async function checkPage(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await shoot(page, name);
  expect(await overflowsSideways(page)).toBe(false);
  expect(await axeViolations(page)).toEqual([]);
}

describe('Recovery in a browser, on a phone-sized screen: the return briefing, an apology call, a message checked for blame', () => {
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

  it('Anna opens the briefing of her summer absence, works through the open call and writes to the client', async () => {
    const context = await browser.newContext({ viewport: phone });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    await signIn(page, server.url, 'anna@ferri-bellini.example');
    const mine = (await (await page.request.get(`${server.url}/api/absences?scope=mine`)).json()) as { id: string; state: string }[];
    const past = mine.find((absence) => absence.state === 'returned');
    if (!past) throw new Error('the demo has no returned absence for Anna');
    await page.goto(`${server.url}/absences/${past.id}`);
    await useLanguage(page, ui.en);
    const { t } = ui.en;

    // From the absence page to the briefing.
    await page.getByRole('region', { name: t.panel.title }).getByRole('link', { name: t.panel.open }).click();
    await page.getByRole('heading', { level: 1, name: t.briefing.title }).waitFor();
    const ranked = page.getByRole('region', { name: t.briefing.ranked });
    await ranked.getByRole('listitem').first().waitFor();
    // The demo's return made her tasks; Northwind and Orsini are called, Vini Lucchesi's call is still to make.
    const tasks = page.getByRole('table', { name: t.tasks.title });
    await tasks.waitFor();
    await checkPage(page, '1-briefing');

    // The open call: script in the client's language, the history, and a message with a blame-shifting phrase.
    await tasks.getByRole('link', { name: 'Vini Lucchesi' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${prefix(t.task.title)}`) }).waitFor();
    await page.getByRole('region', { name: t.script.title }).getByRole('heading', { name: t.script.steps.apologise }).waitFor();
    const write = page.getByRole('region', { name: t.message.title });
    await write.getByLabel(t.message.body).fill('I am sorry for the wait. My colleague was supposed to send you the new date.');
    // "My colleague was supposed to" is one phrase: marked once.
    await write.getByText(t.message.flagged_one).waitFor();
    await write.locator('mark').first().waitFor();
    await checkPage(page, '2-task-flagged');
    await write.getByRole('button', { name: t.message.send, exact: true }).click();
    const confirm = write.getByRole('alertdialog', { name: t.message.confirmTitle });
    await confirm.waitFor();
    await checkPage(page, '3-task-confirm');
    await confirm.getByRole('button', { name: t.message.sendAnyway }).click();
    await write.getByText(t.message.sent).waitFor();

    // Nobody answers: try again tomorrow.
    const log = page.getByRole('region', { name: t.call.title });
    await log.getByRole('radio', { name: new RegExp(`^${t.outcome.no_answer}`) }).check();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await log.getByLabel(t.call.retryOn).fill(tomorrow);
    await log.getByRole('button', { name: t.call.submit }).click();
    await log.getByText(t.call.saved.no_answer).waitFor();
    await checkPage(page, '4-task-logged');

    // The same page in Italian.
    await useLanguage(page, ui.it);
    await page.getByRole('region', { name: ui.it.t.script.title }).waitFor();
    await page.getByRole('region', { name: ui.it.t.call.title }).waitFor();
    await checkPage(page, '5-task-it');

    // Her recovery page, in both languages.
    await page.getByRole('link', { name: ui.it.t.nav, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ui.it.t.title }).waitFor();
    await page.getByRole('table', { name: ui.it.t.tasks.mine }).waitFor();
    await checkPage(page, '6-recovery-it');
    await useLanguage(page, ui.en);
    await page.getByRole('region', { name: t.winBack.due }).waitFor();
    await checkPage(page, '7-recovery-en');
  });
});
