import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import absencesEn from '../../web/src/features/absences/locales/en.json';
import absencesIt from '../../web/src/features/absences/locales/it.json';
import briefsEn from '../../web/src/features/briefs/locales/en.json';
import briefsIt from '../../web/src/features/briefs/locales/it.json';
import commonEn from '../../web/src/i18n/locales/en.json';
import commonIt from '../../web/src/i18n/locales/it.json';
import { startBatonServer } from './support/baton-server';
import { axeViolations, launchChromium, screenshotter, signIn } from './support/browser';

/** The interface texts each flow expects to see, straight from the locale files the UI renders. */
const ui = {
  en: { option: 'English', common: commonEn, absences: absencesEn, briefs: briefsEn },
  it: { option: 'Italiano', common: commonIt, absences: absencesIt, briefs: briefsIt },
} as const;
type Texts = (typeof ui)[keyof typeof ui];

/** i18next's `{{name}}` interpolation, enough for the texts used here. */
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
/** A text with some placeholders filled and the others (dates) matching anything. */
const like = (template: string, values: Record<string, string | number>) =>
  new RegExp(
    `^${template
      .split(/(\{\{\w+\}\})/)
      .map((part) => {
        const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
        if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        return name in values ? String(values[name]) : '.+';
      })
      .join('')}$`,
  );

/** `YYYY-MM-DD` for today + days (the demo's dates are relative to the day it is loaded). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const shoot = screenshotter('handover');

async function useLanguage(page: Page, texts: Texts) {
  await page
    .getByRole('banner')
    .getByLabel(/^(Language|Lingua)$/)
    .selectOption({ label: texts.option });
  await page.getByRole('button', { name: texts.common.nav.logout }).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('Handover in a browser: plan, brief, acknowledge with read-back, accept, ready', () => {
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

  // Anna already has an absence from D+26 to D+40; each flow plans its own, later and apart.
  it.each([
    { language: 'en', from: 60, to: 70 },
    { language: 'it', from: 80, to: 90 },
  ] as const)('Anna hands Bluefin Analytics over to Peter, in $language', async ({ language, from, to }) => {
    const texts = ui[language];
    const { absences: a, briefs: b } = texts;
    const violations: string[] = [];
    const scan = async (page: Page, step: string) => {
      await page.waitForLoadState('networkidle');
      violations.push(...(await axeViolations(page)));
      await shoot(page, `${language}-${step}`);
    };

    const newPage = async () => {
      const context = await browser.newContext();
      onTestFinished(() => context.close());
      return context.newPage();
    };
    // Anna plans the absence: Peter as primary delegate, Marco as manager, only Bluefin Analytics covered.
    const anna = await newPage();
    await signIn(anna, server.url, 'anna@ferri-bellini.example');
    await useLanguage(anna, texts);
    await anna.getByRole('navigation', { name: texts.common.nav.label }).getByRole('link', { name: a.title }).click();
    await anna.getByRole('heading', { level: 1, name: a.title }).waitFor();
    await scan(anna, '01-absences');
    await anna.getByRole('link', { name: a.plan }).click();
    await anna.getByRole('heading', { level: 1, name: a.form.newTitle }).waitFor();
    await anna.getByRole('checkbox', { name: /^Bluefin Analytics/ }).waitFor();
    await scan(anna, '02-plan');

    await anna.getByLabel(a.form.startsAt, { exact: true }).fill(`${dayFromNow(from)}T09:00`);
    await anna.getByLabel(a.form.endsAt, { exact: true }).fill(`${dayFromNow(to)}T18:00`);
    await anna.getByLabel(a.roles.primary, { exact: true }).selectOption({ label: 'Peter Marsh' });
    await anna.getByLabel(a.roles.manager, { exact: true }).selectOption({ label: 'Marco Bellini' });
    const coverage = anna.getByRole('group', { name: a.form.coverage });
    for (const box of await coverage.getByRole('checkbox').all()) {
      const name = (await box.evaluate((input) => input.closest('label')?.textContent)) ?? '';
      await box.setChecked(name.startsWith('Bluefin Analytics'));
    }
    await expect.poll(() => coverage.getByRole('checkbox', { checked: true }).count()).toBe(1);
    await anna.getByRole('button', { name: a.form.create }).click();

    await anna.getByRole('heading', { level: 1, name: fill(a.list.awayName, { name: 'Anna Ferri' }) }).waitFor();
    const absenceUrl = anna.url();
    expect(new URL(absenceUrl).pathname).toMatch(/^\/absences\/[0-9a-f-]{36}$/);
    await anna.getByText(b.panel.missingTitle).waitFor();
    await scan(anna, '03-absence-planned');

    // She writes the brief: situation, a next step with its due date, a likely question and its answer.
    await anna.getByRole('button', { name: b.panel.create }).click();
    const briefsTable = anna.getByRole('table', { name: b.panel.title });
    await briefsTable.getByRole('link', { name: 'Bluefin Analytics' }).click();
    await anna.getByRole('heading', { level: 1, name: fill(b.brief.title, { client: 'Bluefin Analytics' }) }).waitFor();
    await anna.getByRole('heading', { name: b.editor.title }).waitFor();
    await scan(anna, '04-brief-editor');

    const situation = `Data warehouse migration (${language}): the last two source systems move in the week of ${dayFromNow(from + 2)}; Bluefin's CTO signs off each cut-over.`;
    await anna.getByLabel(b.fields.situation, { exact: true }).fill(situation);
    // A new brief starts from the previous absence's brief for the client: add after what is there.
    const addItem = async (field: string, inputs: Record<string, string>) => {
      const list = anna.getByRole('group', { name: field });
      const before = await list.getByRole('button', { name: like(b.editor.removeItem, { field }) }).count();
      await list.getByRole('button', { name: fill(b.editor.addTo, { field }) }).click();
      for (const [part, value] of Object.entries(inputs))
        await list.getByLabel(`${fill(b.editor.itemNumber, { field, number: before + 1 })}: ${part}`, { exact: true }).fill(value);
    };
    await addItem(b.fields.nextSteps, {
      [b.fields.text]: 'Confirm the cut-over date of the billing system with their CTO',
      [b.fields.due]: dayFromNow(from + 3),
    });
    await addItem(b.fields.faq, {
      [b.fields.question]: 'Will reports be down during the cut-over?',
      [b.fields.answer]: 'For one night at most; the old warehouse stays readable until sign-off.',
    });
    await anna.getByRole('button', { name: b.editor.save, exact: true }).click();
    await anna.getByText(b.editor.saved, { exact: true }).waitFor();

    // She shares the briefs with the delegates: the absence moves to handover, version 1 is made.
    await anna.getByRole('link', { name: b.back }).click();
    await anna.getByRole('button', { name: b.panel.share }).click();
    const confirm = anna.getByRole('alertdialog');
    await confirm.getByText(b.panel.shareConfirm).waitFor();
    await scan(anna, '05-share-confirm');
    await confirm.getByRole('button', { name: b.panel.shareConfirmYes }).click();
    await anna.getByText(b.panel.shared, { exact: true }).waitFor();
    await briefsTable
      .getByRole('row', { name: /Bluefin Analytics/ })
      .getByText(b.status.notAcknowledged)
      .waitFor();
    await anna.getByText(a.states.handover, { exact: true }).waitFor();
    await scan(anna, '06-shared');

    // Peter opens the brief from the absence and acknowledges it: a key account needs a real read-back.
    const peter = await newPage();
    await signIn(peter, server.url, 'peter@ferri-bellini.example');
    await useLanguage(peter, texts);
    await peter.goto(absenceUrl);
    await peter.getByRole('table', { name: b.panel.title }).getByRole('link', { name: 'Bluefin Analytics' }).click();
    await peter.getByRole('heading', { level: 1, name: fill(b.brief.title, { client: 'Bluefin Analytics' }) }).waitFor();
    await peter.getByText(fill(b.brief.youAre, { role: b.brief.role.primary })).waitFor();
    await peter.getByText(situation).waitFor();
    await scan(peter, '07-peter-brief');

    const acknowledge = peter.getByRole('button', { name: fill(b.acknowledge.submit, { version: 1 }) });
    const readBack = peter.getByLabel(b.acknowledge.readBack, { exact: true });
    await acknowledge.click();
    await peter.getByText(b.errors.brief.read_back_required).waitFor();
    expect(await readBack.getAttribute('aria-invalid')).toBe('true');
    await readBack.fill('ok, no problem');
    await acknowledge.click();
    await peter.getByText(b.errors.brief.read_back_too_short).waitFor();
    await scan(peter, '08-peter-read-back-error');
    const peterReadBack =
      'Bluefin is moving its last two source systems to the new warehouse; I confirm the billing cut-over date with their CTO first.';
    await readBack.fill(peterReadBack);
    await acknowledge.click();
    await peter.getByRole('heading', { name: b.acknowledge.title }).waitFor();
    await peter.getByText(b.acknowledgements.readBackStatus.pending, { exact: true }).waitFor();
    await peter.getByText(like(b.acknowledge.current, { version: 1 })).waitFor();
    await scan(peter, '09-peter-acknowledged');

    // Anna reads Peter's read-back and accepts it.
    await anna.goto(absenceUrl);
    await briefsTable
      .getByRole('row', { name: /Bluefin Analytics/ })
      .getByText(b.status.readBackMissing)
      .waitFor();
    await briefsTable.getByRole('link', { name: 'Bluefin Analytics' }).click();
    await anna.getByText(peterReadBack).waitFor();
    await anna.getByText(b.acknowledgements.readBackStatus.pending, { exact: true }).waitFor();
    await scan(anna, '10-anna-review');
    await anna.getByRole('button', { name: b.acknowledgements.accept }).click();
    await anna.getByText(b.acknowledgements.readBackStatus.accepted, { exact: true }).waitFor();
    await scan(anna, '11-anna-accepted');

    // The handover is complete: 100 % ready, the gate is open, Bluefin Analytics is acknowledged.
    await anna.getByRole('link', { name: b.back }).click();
    const readiness = anna.getByRole('region', { name: b.readiness.title });
    await readiness.getByText(fill(b.readiness.score, { score: 100 }), { exact: true }).waitFor();
    await readiness.getByText(b.readiness.gateOpen).waitFor();
    await readiness.getByText(b.readiness.noBlockers).waitFor();
    expect(await readiness.getByRole('progressbar', { name: b.readiness.title }).getAttribute('value')).toBe('100');
    const row = briefsTable.getByRole('row', { name: /Bluefin Analytics/ });
    await row.getByText(b.status.acknowledged, { exact: true }).waitFor();
    expect(await row.getByText(fill(b.brief.version, { version: 1 }), { exact: true }).isVisible()).toBe(true);
    expect(await anna.locator('html').getAttribute('lang')).toBe(language);
    await scan(anna, '12-ready');

    expect(violations).toEqual([]);
  });
});
