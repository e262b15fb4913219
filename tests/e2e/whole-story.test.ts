import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_WIN_BACK_DAYS } from '../../src/contracts/recovery.contracts';
import { translateReport } from '../../src/domains/reports/report.texts';
import absencesEn from '../../web/src/features/absences/locales/en.json';
import absencesIt from '../../web/src/features/absences/locales/it.json';
import briefsEn from '../../web/src/features/briefs/locales/en.json';
import briefsIt from '../../web/src/features/briefs/locales/it.json';
import coverageEn from '../../web/src/features/coverage/locales/en.json';
import coverageIt from '../../web/src/features/coverage/locales/it.json';
import debriefEn from '../../web/src/features/debrief/locales/en.json';
import debriefIt from '../../web/src/features/debrief/locales/it.json';
import recoveryEn from '../../web/src/features/recovery/locales/en.json';
import recoveryIt from '../../web/src/features/recovery/locales/it.json';
import reportsEn from '../../web/src/features/reports/locales/en.json';
import reportsIt from '../../web/src/features/reports/locales/it.json';
import commonEn from '../../web/src/i18n/locales/en.json';
import commonIt from '../../web/src/i18n/locales/it.json';
import { freePort } from '../support/free-port';
import { startBatonServer } from './support/baton-server';
import { axeViolations, launchChromium, screenshotter, signIn } from './support/browser';

/** The interface texts each person reads, straight from the locale files the UI renders: a wording change breaks the test. */
const ui = {
  en: {
    option: 'English',
    common: commonEn,
    absences: absencesEn,
    briefs: briefsEn,
    coverage: coverageEn,
    recovery: recoveryEn,
    debrief: debriefEn,
    reports: reportsEn,
  },
  it: {
    option: 'Italiano',
    common: commonIt,
    absences: absencesIt,
    briefs: briefsIt,
    coverage: coverageIt,
    recovery: recoveryIt,
    debrief: debriefIt,
    reports: reportsIt,
  },
} as const;
type Texts = (typeof ui)[keyof typeof ui];

/** i18next's `{{name}}` interpolation, enough for the texts used here. */
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole text from a template: the given placeholders as regular expressions, the others (dates) matching anything. */
const like = (template: string, patterns: Record<string, string>) =>
  new RegExp(
    `^${template
      .split(/(\{\{\w+\}\})/)
      .map((part) => {
        const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
        if (!name) return literal(part);
        return patterns[name] ?? '.+';
      })
      .join('')}$`,
  );

/** A wall-clock time in Rome (the demo workspace's zone) as the plan form takes it: `2026-12-01T10:30`. */
const romeLocal = (at: Date) => at.toLocaleString('sv-SE', { timeZone: 'Europe/Rome' }).replace(' ', 'T').slice(0, 16);
const DAY = 86_400_000;
/** An instant as the report writes it: `27/11/2026 06:35`, in the workspace's zone, whatever the language. */
function reportTime(at: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}
/** Text as a PDF extractor returns it, lines joined: compared with single spaces. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

const shoot = screenshotter('story');

async function useLanguage(page: Page, texts: Texts) {
  await page
    .getByRole('banner')
    .getByLabel(/^(Language|Lingua)$/)
    .selectOption({ label: texts.option });
  await page.getByRole('button', { name: texts.common.nav.logout }).waitFor();
  await page.waitForLoadState('networkidle');
}

/** For what arrives in the background (a job, a mail): reload the page until it shows. */
async function reloadUntilVisible(page: Page, target: Locator, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.getByRole('main').waitFor();
    await page.waitForLoadState('networkidle');
    if (await target.isVisible()) return;
    if (Date.now() > deadline) throw new Error(`not visible after ${timeoutMs} ms: ${target}`);
    await page.waitForTimeout(1_000);
    await page.reload();
  }
}

describe('The whole story in a browser: handover, cover, escalation, return, recovery, debrief', () => {
  let server: Awaited<ReturnType<typeof startBatonServer>>;
  let browser: Browser;
  let smtpPort: number;

  beforeAll(async () => {
    smtpPort = await freePort();
    server = await startBatonServer({ SMTP_INBOUND_PORT: String(smtpPort) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Anna hands Northwind and Vini Lucchesi to Peter, the clients write, Marco hears of a gap, and Anna recovers and debriefs', async () => {
    const violations: string[] = [];
    const look = async (page: Page, step: string) => {
      await page.waitForLoadState('networkidle');
      violations.push(...(await axeViolations(page)));
      await shoot(page, step);
    };
    /** Each person in their own browser, in their own language (the demo's: Anna and Marco Italian, Peter English). */
    const personAt = async (email: string, texts: Texts) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      onTestFinished(async ({ task }) => {
        // What each person saw when a step failed.
        if (task.result?.state === 'fail') await shoot(page, `failed-${email.split('@')[0]}`);
        await context.close();
      });
      await signIn(page, server.url, email);
      await useLanguage(page, texts);
      return page;
    };
    const northwind = 'Northwind Logistics Ltd';
    const vini = 'Vini Lucchesi';

    // ---- 1. Anna plans a short absence from tomorrow: Peter primary, Sara backup, Marco manager, two clients ----
    const italian = ui.it;
    const anna = await personAt('anna@ferri-bellini.example', italian);
    await anna.goto(`${server.url}/absences/new`);
    await anna.getByRole('heading', { level: 1, name: italian.absences.form.newTitle }).waitFor();
    const coverage = anna.getByRole('group', { name: italian.absences.form.coverage });
    await coverage.getByRole('checkbox', { name: new RegExp(`^${northwind}`) }).waitFor();
    const tomorrow = romeLocal(new Date(Date.now() + DAY)).slice(0, 10);
    const inFiveDays = romeLocal(new Date(Date.now() + 5 * DAY)).slice(0, 10);
    await anna.getByLabel(italian.absences.form.startsAt, { exact: true }).fill(`${tomorrow}T09:00`);
    await anna.getByLabel(italian.absences.form.endsAt, { exact: true }).fill(`${inFiveDays}T18:00`);
    await anna.getByLabel(italian.absences.roles.primary, { exact: true }).selectOption({ label: 'Peter Marsh' });
    await anna.getByLabel(italian.absences.form.backupOptional, { exact: true }).selectOption({ label: 'Sara Colombo' });
    await anna.getByLabel(italian.absences.roles.manager, { exact: true }).selectOption({ label: 'Marco Bellini' });
    for (const box of await coverage.getByRole('checkbox').all()) {
      const name = (await box.evaluate((input) => input.closest('label')?.textContent)) ?? '';
      await box.setChecked(name.startsWith(northwind) || name.startsWith(vini));
    }
    await expect.poll(() => coverage.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await anna.getByRole('button', { name: italian.absences.form.create }).click();
    await anna.getByRole('heading', { level: 1, name: fill(italian.absences.list.awayName, { name: 'Anna Ferri' }) }).waitFor();
    const absenceUrl = anna.url();
    const absenceId = new URL(absenceUrl).pathname.split('/')[2] ?? '';
    expect(absenceId).toMatch(/^[0-9a-f-]{36}$/);

    // She writes both briefs. A new brief starts from the client's previous one: she rewrites the situation.
    const briefsTable = anna.getByRole('table', { name: italian.briefs.panel.title });
    await anna.getByRole('button', { name: italian.briefs.panel.createAll }).click();
    await briefsTable.getByRole('link', { name: vini }).waitFor();
    const northwindSituation =
      'Q4 dashboard release: the migration of the 2025 shipments finishes this week; James Whitaker signs off the numbers before the board meeting.';
    const viniSituation = 'Le nuove etichette del Chianti sono in stampa: la tipografia le consegna in cantina venerdì.';
    for (const [client, situation] of [
      [northwind, northwindSituation],
      [vini, viniSituation],
    ] as const) {
      await briefsTable.getByRole('link', { name: client }).click();
      await anna.getByRole('heading', { level: 1, name: fill(italian.briefs.brief.title, { client }) }).waitFor();
      await anna.getByLabel(italian.briefs.fields.situation, { exact: true }).fill(situation);
      await anna.getByRole('button', { name: italian.briefs.editor.save, exact: true }).click();
      await anna.getByText(italian.briefs.editor.saved, { exact: true }).waitFor();
      await anna.getByRole('link', { name: italian.briefs.back }).click();
    }
    await anna.getByRole('button', { name: italian.briefs.panel.share }).click();
    await anna.getByRole('alertdialog').getByRole('button', { name: italian.briefs.panel.shareConfirmYes }).click();
    await anna.getByText(italian.briefs.panel.shared, { exact: true }).waitFor();
    await shoot(anna, '01-anna-shared');

    // Peter acknowledges both briefs; Northwind is a key account, so he reads it back in his own words.
    const english = ui.en;
    const peter = await personAt('peter@ferri-bellini.example', english);
    const peterReadBack =
      'Northwind finishes migrating the 2025 shipments this week; James Whitaker signs off the dashboard numbers before their board meets.';
    let receipt = { acknowledgedAt: '', contentHash: '' };
    for (const client of [northwind, vini]) {
      await peter.goto(absenceUrl);
      await peter.getByRole('table', { name: english.briefs.panel.title }).getByRole('link', { name: client }).click();
      await peter.getByRole('heading', { level: 1, name: fill(english.briefs.brief.title, { client }) }).waitFor();
      if (client === northwind) await peter.getByLabel(english.briefs.acknowledge.readBack, { exact: true }).fill(peterReadBack);
      await peter.getByRole('button', { name: fill(english.briefs.acknowledge.submit, { version: 1 }) }).click();
      await peter.getByRole('heading', { name: english.briefs.acknowledge.title }).waitFor();
      await peter.getByText(like(english.briefs.acknowledge.current, { version: '1' })).waitFor();
      if (client === northwind) {
        // The receipt as the server recorded it (read through Peter's session), for the report's acknowledgement line.
        const briefId = new URL(peter.url()).pathname.split('/').at(-1);
        const detail = (await (await peter.request.get(`${server.url}/api/briefs/${briefId}`)).json()) as {
          acknowledgements: { delegateName: string; acknowledgedAt: string; contentHash: string }[];
        };
        receipt = detail.acknowledgements.find((each) => each.delegateName === 'Peter Marsh') ?? receipt;
      }
    }
    await shoot(peter, '02-peter-acknowledged');

    // Anna accepts the read-back: the gate opens.
    await anna.goto(absenceUrl);
    await briefsTable.getByRole('link', { name: northwind }).click();
    await anna.getByText(peterReadBack).waitFor();
    await anna.getByRole('button', { name: italian.briefs.acknowledgements.accept }).click();
    await anna.getByText(italian.briefs.acknowledgements.readBackStatus.accepted, { exact: true }).waitFor();
    await anna.getByRole('link', { name: italian.briefs.back }).click();
    await anna.getByRole('region', { name: italian.briefs.readiness.title }).getByText(italian.briefs.readiness.gateOpen).waitFor();

    // ---- 2. Plans change: Anna leaves today. She moves the start to now; the job runner starts the absence ----
    await anna.getByRole('link', { name: italian.absences.detail.edit }).click();
    await anna.getByRole('heading', { level: 1, name: italian.absences.form.editTitle }).waitFor();
    await anna.getByLabel(italian.absences.form.startsAt, { exact: true }).fill(romeLocal(new Date()));
    await look(anna, '03-anna-leaves-today');
    await anna.getByRole('button', { name: italian.common.common.save }).click();
    await anna.getByRole('heading', { level: 1, name: fill(italian.absences.list.awayName, { name: 'Anna Ferri' }) }).waitFor();
    // Only an active absence offers "I'm back".
    await reloadUntilVisible(anna, anna.getByRole('button', { name: italian.absences.detail.imBack }), 30_000);
    await anna.getByText(italian.absences.states.active, { exact: true }).first().waitFor();
    await shoot(anna, '04-anna-away');

    // ---- 3. Two clients write to Anna; the mail reaches Baton through its SMTP endpoint ----
    const northwindEmail =
      'Hi Anna,\n\nCan you add the new Rotterdam depot to the dashboard before our board meeting, and what would it cost us?\n\nBest,\nJames';
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await smtp.sendMail({
      from: 'James Whitaker <james.whitaker@northwind-logistics.example>',
      to: 'anna@ferri-bellini.example',
      subject: 'Rotterdam depot',
      text: northwindEmail,
    });
    await smtp.sendMail({
      from: 'Paolo Lucchesi <paolo@vinilucchesi.example>',
      to: 'anna@ferri-bellini.example',
      subject: 'Etichette nuove',
      text: 'Buongiorno Anna, quando arrivano le nuove etichette per il Chianti?\n\nPaolo',
    });
    smtp.close();

    // Peter finds both in his console.
    const c = english.coverage;
    await peter.goto(`${server.url}/coverage`);
    await reloadUntilVisible(peter, peter.getByRole('link', { name: 'Etichette nuove' }));
    await reloadUntilVisible(peter, peter.getByRole('link', { name: 'Rotterdam depot' }));
    await look(peter, '05-peter-console');

    // The labels are in the brief: he answers Paolo.
    await peter.getByRole('link', { name: 'Etichette nuove' }).click();
    await peter.getByText(viniSituation).first().waitFor();
    await peter.getByLabel(c.reply.label).fill('Buongiorno Paolo, le nuove etichette arrivano in cantina venerdì. Un saluto, Peter');
    await peter.getByRole('button', { name: c.reply.send }).click();
    await peter.getByText(c.reply.sent).waitFor();

    // The depot and its price are not: he closes James's email as "no information", against the brief he acknowledged.
    const peterNote = 'The brief says nothing about adding a depot to the dashboard or about the price of extra work.';
    await peter.goto(`${server.url}/coverage`);
    await peter.getByRole('link', { name: 'Rotterdam depot' }).click();
    await peter.getByText(northwindSituation).first().waitFor();
    await peter.getByRole('heading', { name: c.outcome.title }).waitFor();
    await peter.getByRole('radio', { name: new RegExp(`^${literal(c.outcomes.no_information)}`) }).check();
    await peter.getByLabel(c.outcome.noteRequired).fill(peterNote);
    await peter.getByRole('button', { name: c.outcome.submit }).click();
    await peter.getByRole('heading', { name: c.confirm.title }).waitFor();
    await peter.getByText(peterReadBack).first().waitFor();
    await look(peter, '06-peter-confirms-no-information');
    await peter.getByRole('button', { name: c.confirm.confirm }).click();
    await peter.getByRole('heading', { name: c.closed.title }).waitFor();

    // Marco sees the escalation, with Peter's note.
    const marco = await personAt('marco@ferri-bellini.example', italian);
    await marco.goto(`${server.url}/coverage/escalations`);
    await reloadUntilVisible(
      marco,
      marco.getByText(`${italian.coverage.rules.no_information} · ${northwind}`, { exact: false }).first(),
      30_000,
    );
    await marco.getByText(peterNote).first().waitFor();
    await look(marco, '07-marco-escalation');

    // ---- 4. Anna is back: the ranked briefing, an apology call, a client lost and its win-back calls ----
    const r = italian.recovery;
    await anna.goto(absenceUrl);
    anna.once('dialog', (dialog) => dialog.accept());
    await anna.getByRole('button', { name: italian.absences.detail.imBack }).click();
    await anna.getByText(italian.absences.states.returned, { exact: true }).first().waitFor();
    await anna.getByRole('region', { name: r.panel.title }).getByRole('link', { name: r.panel.open }).click();
    await anna.getByRole('heading', { level: 1, name: r.briefing.title }).waitFor();

    // Northwind first: a key account that was left without an answer.
    const ranked = anna.getByRole('region', { name: r.briefing.ranked });
    const first = ranked.getByRole('listitem').first();
    await first.getByRole('heading', { level: 3, name: northwind }).waitFor();
    await first.getByText(fill(r.reasons.no_information.title_one, { count: 1 })).waitFor();
    await first.getByText(r.reasons.no_information.explain).waitFor();
    await ranked.getByRole('heading', { level: 3, name: vini }).waitFor();
    await reloadUntilVisible(anna, anna.getByRole('table', { name: r.tasks.title }), 30_000);
    await look(anna, '08-anna-briefing');

    // The apology call to James.
    await first.getByRole('link', { name: fill(r.briefing.openTask, { name: northwind }) }).click();
    await anna.getByRole('heading', { level: 1, name: fill(r.task.title, { name: northwind }) }).waitFor();
    const log = anna.getByRole('region', { name: r.call.title });
    await log.getByRole('radio', { name: new RegExp(`^${literal(r.outcome.recovered)}`) }).check();
    await log
      .getByLabel(r.call.notes, { exact: true })
      .fill('Ci siamo scusati per l’attesa; James avrà il preventivo per il deposito di Rotterdam entro giovedì.');
    await log.getByRole('button', { name: r.call.submit }).click();
    await log.getByText(r.call.saved.recovered).waitFor();
    await look(anna, '09-anna-apology-call');

    // Paolo tells her the winery moves to an agency in Lucca: Vini Lucchesi is lost.
    await anna.getByRole('link', { name: r.task.backToBriefing }).click();
    await anna.getByRole('link', { name: fill(r.briefing.openTask, { name: vini }) }).click();
    await anna.getByRole('heading', { level: 1, name: fill(r.task.title, { name: vini }) }).waitFor();
    await log.getByRole('radio', { name: new RegExp(`^${literal(r.outcome.lost)}`) }).check();
    const lostReason = 'Passano a un’agenzia di Lucca, più vicina alla cantina';
    await log.getByLabel(r.call.lostReason, { exact: true }).fill(`${lostReason}.`);
    await log.getByRole('button', { name: r.call.submit }).click();
    await log.getByText(r.call.saved.lost).waitFor();

    // The win-back calls are planned, at the workspace's days.
    await anna.getByRole('link', { name: r.nav, exact: true }).click();
    await anna.getByRole('heading', { level: 1, name: r.title }).waitFor();
    const upcoming = anna.getByRole('region', { name: r.winBack.upcoming });
    for (const day of DEFAULT_WIN_BACK_DAYS) {
      const reminder = upcoming.getByRole('article', { name: `${vini} · ${fill(r.winBack.day_other, { count: day })}` });
      // The reason as she typed it, in a sentence with one full stop.
      await reminder.getByText(like(r.winBack.lost, { reason: literal(lostReason) })).waitFor();
    }
    await look(anna, '10-anna-win-back');

    // ---- 5. The debrief: a note for the conversation with Peter, a finding, concluded ----
    const d = italian.debrief;
    await anna.goto(`${server.url}/absences/${absenceId}/return`);
    await anna.getByRole('link', { name: d.panel.prepare }).click();
    await anna.getByRole('heading', { level: 1, name: d.title }).waitFor();
    await anna.getByRole('button', { name: d.open.button }).click();
    const notes = anna.getByRole('textbox', { name: new RegExp(`^${literal(d.answer.notes)}: `) }).first();
    await notes.fill('Peter ha avuto il brief in tempo; le richieste fuori progetto non erano previste.');
    await notes.blur();
    await anna.getByText(d.answer.saved, { exact: true }).first().waitFor();
    await anna.getByLabel(d.findings.category, { exact: true }).selectOption({ label: d.category.missing_information });
    await anna.getByLabel(d.findings.clientLabel, { exact: true }).selectOption({ label: northwind });
    await anna
      .getByLabel(d.findings.note, { exact: true })
      .fill('Il brief di Northwind non diceva chi approva lavori extra né con quali prezzi.');
    await anna.getByRole('button', { name: d.findings.submit }).click();
    await anna.getByText(d.findings.added).waitFor();
    await look(anna, '11-anna-debrief');
    await anna.getByRole('button', { name: d.conclude.button }).click();
    await anna.getByRole('button', { name: d.conclude.yes }).click();
    await anna.getByText(like(d.concluded, { name: 'Anna Ferri' })).waitFor();
    await shoot(anna, '12-anna-debrief-concluded');

    // ---- 6. The report for Marco, exported as PDF: its text holds the receipts of the story ----
    const rp = italian.reports;
    await anna.goto(`${server.url}/absences/${absenceId}/return`);
    await anna.getByRole('link', { name: r.briefing.report }).click();
    await anna.getByRole('heading', { level: 1, name: rp.title }).waitFor();
    await look(anna, '13-anna-report');
    await anna.getByRole('button', { name: rp.exports.format.pdf, exact: true }).click();
    const downloadLink = anna.getByRole('link', { name: like(rp.exports.download, {}) });
    await downloadLink.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([anna.waitForEvent('download'), downloadLink.click()]);
    const pdfFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'baton-story-')), 'report.pdf');
    onTestFinished(() => rm(path.dirname(pdfFile), { recursive: true, force: true }));
    await download.saveAs(pdfFile);
    // Kept beside the screenshots, to read.
    if (process.env.BATON_E2E_SCREENSHOTS) await download.saveAs(path.resolve(import.meta.dirname, '../../tmp/e2e-story/report.pdf'));
    const pdf = words(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }));
    // In Anna's language, times to the minute in the workspace's zone: Peter's receipt with its time, his read-back,
    // his "no information" note, and James's email quoted whole.
    const report = (key: string, values?: Record<string, unknown>) => translateReport('it', key, values);
    expect(receipt.acknowledgedAt).not.toBe('');
    expect(pdf).toContain(
      report('handover.ack_line', {
        delegate: 'Peter Marsh',
        role: report('role.primary'),
        version: 1,
        at: reportTime(receipt.acknowledgedAt),
        hash: receipt.contentHash,
      }),
    );
    expect(pdf).toContain(words(report('handover.read_back', { text: peterReadBack })));
    expect(pdf).toContain(words(peterNote));
    expect(pdf).toContain(words(northwindEmail));

    expect(violations).toEqual([]);
  });
});
