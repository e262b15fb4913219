import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import insightsEn from '../../web/src/features/insights/locales/en.json';
import insightsIt from '../../web/src/features/insights/locales/it.json';
import { startBatonServer } from './support/baton-server';
import { axeViolations, launchChromium, overflowsSideways, screenshotter, signIn } from './support/browser';

const ui = { en: { option: 'English', t: insightsEn }, it: { option: 'Italiano', t: insightsIt } } as const;
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } } as const;
const shoot = screenshotter('insights');

async function switchLanguage(page: Page, language: keyof typeof ui) {
  await page
    .getByRole('banner')
    .getByLabel(/^(Language|Lingua)$/)
    .selectOption({ label: ui[language].option });
  await page.getByRole('link', { name: ui[language].t.nav, exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('Team insights in a browser: Marco looks at last summer’s absence, on a desktop and a phone', () => {
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

  for (const [device, viewport] of Object.entries(viewports)) {
    it(`shows charts with a text alternative, tables with the same numbers and CSV downloads (${device})`, async () => {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      onTestFinished(() => context.close());
      const page = await context.newPage();
      await signIn(page, server.url, 'marco@ferri-bellini.example');
      for (const language of ['en', 'it'] as const) {
        const { t } = ui[language];
        await switchLanguage(page, language);
        await page.getByRole('link', { name: t.nav, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
        // The demo's past absence was ~100 days ago: inside the default 12 months.
        const absences = page.getByRole('region', { name: t.tables.absences });
        await absences.getByRole('link', { name: 'Anna Ferri' }).waitFor();
        const chart = page.getByRole('img', { name: /Anna Ferri/ });
        await expect.poll(() => chart.count()).toBe(1);
        expect(await page.getByRole('region', { name: t.tables.delegates }).getByRole('rowheader', { name: 'Peter Marsh' }).count()).toBe(
          1,
        );
        await page.waitForLoadState('networkidle');
        await shoot(page, `${device}-${language}`);
        expect(await overflowsSideways(page)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
      }

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: ui.it.t.csv.absences }).first().click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^baton-insights-absences-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);

      // Business hours instead of clock time: the choice stays in the address.
      const business = page.getByLabel(ui.it.t.basis.business, { exact: true });
      await business.click();
      await expect.poll(() => business.isChecked()).toBe(true);
      await page.getByRole('figure', { name: ui.it.t.charts.responseTimes.title.business }).waitFor();
      expect(page.url()).toContain('time=business');
    });
  }

  it('is not offered to a member, and says so if she opens it', async () => {
    const context = await browser.newContext({ viewport: viewports.phone });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    await signIn(page, server.url, 'peter@ferri-bellini.example');
    await page
      .getByRole('banner')
      .getByLabel(/^(Language|Lingua)$/)
      .selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByRole('link', { name: 'Recovery', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: insightsEn.nav, exact: true }).count()).toBe(0);
    await page.goto(`${server.url}/insights`);
    await page.getByText(insightsEn.managersOnly).waitFor();
  });
});
