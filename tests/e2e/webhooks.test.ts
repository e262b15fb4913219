import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver, verifySignature } from '../webhooks/receiver';
import { startBatonServer } from './support/baton-server';
import { axeViolations, launchChromium, overflowsSideways, screenshotter, signIn } from './support/browser';

const shoot = screenshotter('webhooks');

describe('webhooks in a browser', () => {
  let server: Awaited<ReturnType<typeof startBatonServer>>;
  let browser: Browser;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startBatonServer({ BATON_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'), WEBHOOKS_ALLOW_PRIVATE: 'true' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.close();
  });

  it('Lucia adds an endpoint, keeps its secret, and a test event arrives signed with it, on a phone too', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await signIn(page, server.url, 'lucia@ferri-bellini.example');
    await page.getByLabel(/^(Language|Lingua)$/).selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.goto(`${server.url}/settings`);
    await page.getByRole('link', { name: 'Webhook settings' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();

    await page.getByLabel('Endpoint URL').fill(receiver.url('/crm'));
    await page.getByLabel('Description').fill('CRM');
    await page.getByRole('checkbox', { name: /Absence started/ }).uncheck();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await shoot(page, 'created-375');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect(page.getByLabel('Signing secret').count()).resolves.toBe(0);

    const card = page.getByRole('region', { name: 'CRM' });
    await card.getByRole('button', { name: 'Send test event' }).click();
    await card.getByText('Test event delivered: the receiver answered HTTP 200.').waitFor();
    const [received] = receiver.at('/crm');
    expect(JSON.parse(received?.body ?? '{}')).toMatchObject({ type: 'webhook.test', workspace: { slug: 'ferri-bellini' } });
    expect(verifySignature(secret, received?.headers['baton-signature'] as string, received?.body ?? '').valid).toBe(true);

    await card.getByRole('button', { name: 'Show recent deliveries' }).click();
    await card.getByText('Delivered', { exact: true }).first().waitFor();
    await card.getByText('Payload').click();
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'deliveries-375');
    // Reloaded, the page never shows the secret again; in Italian on a desktop it passes axe too.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel(/^(Language|Lingua)$/).selectOption({ label: 'Italiano' });
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    await page.reload();
    const italianCard = page.getByRole('region', { name: 'CRM' });
    await italianCard.getByRole('button', { name: 'Mostra le consegne recenti' }).click();
    await italianCard.getByText('Consegnato', { exact: true }).first().waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'deliveries-it');
    await context.close();
  });
});
