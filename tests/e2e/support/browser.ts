import AxeBuilder from '@axe-core/playwright';
import { chromium, type Page } from 'playwright-core';

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
