import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (browsers cannot be downloaded here), with the flags a closed network needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Axe violations of the current page, as readable lines (empty when the page passes). Client mail is shown in
 * sandboxed frames that may run no script, so axe cannot run inside them (it waits forever): they are left out.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze();
  return results.violations.map(
    (violation) =>
      `${page.url()}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

export const DEMO_PASSWORD = 'baton-demo-2026';

export async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^Email$/).fill(email);
  await page.getByLabel(/^Password$/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Sign in|Accedi)$/ }).click();
  await page.getByRole('button', { name: /^(Log out|Esci)$/ }).waitFor();
}

export const DESKTOP = { name: 'a desktop', width: 1280, height: 900 };
export const PHONE = { name: 'a phone', width: 375, height: 800 };
type Viewport = typeof DESKTOP;

/**
 * Axe violations of pages signed in as `email`, on each viewport (a desktop and a phone unless told), in Italian then
 * English. `pathsFor` runs once signed in on each viewport (it may read ids through the page's API session);
 * `beforeSignIn` scans the signed-out page first.
 */
export async function axeWalk(
  browser: Browser,
  baseUrl: string,
  {
    email,
    pathsFor,
    beforeSignIn = false,
    viewports = [DESKTOP, PHONE],
  }: { email: string; pathsFor: (page: Page) => Promise<string[]> | string[]; beforeSignIn?: boolean; viewports?: Viewport[] },
): Promise<string[]> {
  const violations: string[] = [];
  for (const { width, height } of viewports) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    if (beforeSignIn) {
      await page.goto(`${baseUrl}/login`);
      violations.push(...(await axeViolations(page)));
    }
    await signIn(page, baseUrl, email);
    const paths = await pathsFor(page);
    for (const [language, logout] of [
      ['Italiano', 'Esci'],
      ['English', 'Log out'],
    ] as const) {
      await page.getByLabel(/^(Language|Lingua)$/).selectOption({ label: language });
      await page.getByRole('button', { name: logout }).waitFor();
      await page.waitForLoadState('networkidle');
      for (const path of paths) {
        await page.goto(`${baseUrl}${path}`);
        await page.getByRole('main').waitFor();
        await page.waitForLoadState('networkidle');
        violations.push(...(await axeViolations(page)));
      }
    }
    await context.close();
  }
  return violations;
}

/** Expressions run in the page (the server's TypeScript has no DOM types). */
export const overflowsSideways = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');

/** Full-page screenshots into tmp/e2e-<name>/ when BATON_E2E_SCREENSHOTS is set; otherwise nothing. */
export function screenshotter(name: string) {
  const folder = process.env.BATON_E2E_SCREENSHOTS ? path.resolve(import.meta.dirname, `../../../tmp/e2e-${name}`) : null;
  if (folder) mkdirSync(folder, { recursive: true });
  return async (page: Page, shot: string) => {
    if (folder) await page.screenshot({ path: path.join(folder, `${shot}.png`), fullPage: true });
  };
}
