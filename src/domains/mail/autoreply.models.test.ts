import { describe, expect, it } from 'vitest';
import { type AutoReplyInput, autoReplyIntervalDays, autoSubmittedKeyword, decideAutoReply, replySubject } from './autoreply.models';
import { decodeText, type HeaderField } from './message-headers.models';

const OWNER = 'mario.rossi@studio-rossi.example';
const ALIASES = ['m.rossi@studio-rossi.example', 'mario.rossi@rossi-legal.example'];
const CLIENT = 'john.smith@acme-client.example';
const NOW = new Date('2024-07-01T09:15:00Z');
const DAY = 86_400_000;

/** Header fields from `Name: value` lines; continuation lines (starting with a space) are unfolded into the previous one. */
function fields(text: string): HeaderField[] {
  return text
    .trim()
    .split('\n')
    .reduce<string[]>((lines, line) => {
      if (/^[ \t]/.test(line) && lines.length > 0) lines[lines.length - 1] += line;
      else lines.push(line);
      return lines;
    }, [])
    .map((line) => ({ name: line.slice(0, line.indexOf(':')).trim().toLowerCase(), value: line.slice(line.indexOf(':') + 1).trim() }));
}

const personal = `
From: John Smith <${CLIENT}>
To: Mario Rossi <${OWNER}>
Subject: Quote for the Q3 audit
Message-ID: <q3@acme-client.example>`;

function decide(overrides: Partial<AutoReplyInput> & { extra?: string; headerText?: string } = {}) {
  const { extra = '', headerText = personal, ...input } = overrides;
  return decideAutoReply({
    envelope: { from: CLIENT, to: OWNER },
    headers: fields(`${headerText}\n${extra}`),
    owner: { name: 'Mario Rossi', addresses: ALIASES },
    text: { id: 'text-1' },
    now: NOW,
    ...input,
  });
}

describe('the auto-reply policy answers personal mail', () => {
  it('replies to a client who wrote to the owner', () => {
    expect(decide()).toMatchObject({ decision: 'reply', reason: 'personal-message' });
  });

  it.each([
    ['the owner in Cc', `From: ${CLIENT}\nTo: someone@else.example\nCc: ${OWNER}`],
    ['the owner in Bcc', `From: ${CLIENT}\nTo: someone@else.example\nBcc: ${OWNER}`],
    ['an alias in Resent-To', `From: ${CLIENT}\nTo: colleague@studio-rossi.example\nResent-To: m.rossi@studio-rossi.example`],
    ['an alias in Resent-Cc', `From: ${CLIENT}\nTo: a@b.example\nResent-Cc: m.rossi@studio-rossi.example`],
    ['an alias in Resent-Bcc', `From: ${CLIENT}\nResent-Bcc: m.rossi@studio-rossi.example`],
    ['an alias on a second domain', `From: ${CLIENT}\nTo: Avv. Rossi <Mario.Rossi@ROSSI-LEGAL.example>`],
    ['the address in upper case', `From: ${CLIENT}\nTo: <MARIO.ROSSI@Studio-Rossi.EXAMPLE>`],
    ['the owner among several addresses', `From: ${CLIENT}\nTo: a@b.example, "Rossi, Mario" <${OWNER}>, c@d.example`],
    ['the owner in a second To field', `From: ${CLIENT}\nTo: a@b.example\nTo: ${OWNER}`],
    ['the owner inside a named group', `From: ${CLIENT}\nTo: Partners: a@b.example, ${OWNER};`],
    ['a folded To', `From: ${CLIENT}\nTo: a@b.example,\n  ${OWNER}`],
    ['an address with a comment', `From: ${CLIENT}\nTo: ${OWNER} (Mario, at the office)`],
  ])('replies when the message names %s', (_, headerText) => {
    expect(decide({ headerText }).decision).toBe('reply');
  });

  it.each([
    ['no', 'no'],
    ['NO', 'no'],
    [' No ', 'no'],
    ['no (typed by a human)', 'no'],
    ['no(comment)', 'no'],
    ['(leading comment) no', 'no'],
    ['no; private-param=1', 'no'],
    ['auto-replied', 'auto-replied'],
    ['auto-generated (x)', 'auto-generated'],
    ['', ''],
  ])('reads Auto-Submitted "%s" as the keyword "%s"', (value, keyword) => {
    expect(autoSubmittedKeyword(value)).toBe(keyword);
  });

  it.each([
    'Auto-Submitted: no',
    'Auto-Submitted: NO',
    'Auto-Submitted: no (typed by a human)',
    'X-Auto-Response-Suppress: AutoReply',
    'X-Auto-Response-Suppress: DR, RN, NRN',
    'Precedence: first-class',
    'X-Spam-Flag: NO',
    'X-Spam-Status: No, score=0.1',
  ])('still replies with "%s"', (extra) => {
    expect(decide({ extra }).decision).toBe('reply');
  });
});

describe('the auto-reply policy stays silent, with a named reason', () => {
  it.each<[string, Partial<AutoReplyInput> & { extra?: string; headerText?: string }, string]>([
    ['the null envelope sender', { envelope: { from: '', to: OWNER } }, 'null-sender'],
    ['the null sender written <>', { envelope: { from: '<>', to: OWNER } }, 'null-sender'],
    ['the owner writing to herself', { envelope: { from: OWNER, to: OWNER } }, 'own-address'],
    ['an alias as sender, other case', { envelope: { from: 'M.Rossi@Studio-Rossi.Example', to: OWNER } }, 'own-address'],
    ['the second-domain alias as sender', { envelope: { from: 'mario.rossi@rossi-legal.example', to: OWNER } }, 'own-address'],
    [
      'the owner forwarded back through SRS',
      { envelope: { from: 'SRS0=AbCd=PQ=studio-rossi.example=m.rossi@fwd.example', to: OWNER } },
      'own-address',
    ],
    ['MAILER-DAEMON', { envelope: { from: 'MAILER-DAEMON@mx.example', to: OWNER } }, 'system-address'],
    ['mailer-daemon in lower case', { envelope: { from: 'mailer-daemon@mx.example', to: OWNER } }, 'system-address'],
    ['LISTSERV', { envelope: { from: 'LISTSERV@lists.example', to: OWNER } }, 'system-address'],
    ['Majordomo', { envelope: { from: 'Majordomo@lists.example', to: OWNER } }, 'system-address'],
    ['owner-*', { envelope: { from: 'owner-clients@lists.example', to: OWNER } }, 'system-address'],
    ['OWNER-* in upper case', { envelope: { from: 'OWNER-Clients@lists.example', to: OWNER } }, 'system-address'],
    ['*-request', { envelope: { from: 'clients-request@lists.example', to: OWNER } }, 'system-address'],
    ['*-REQUEST in upper case', { envelope: { from: 'Clients-REQUEST@lists.example', to: OWNER } }, 'system-address'],
    ['an SRS-forwarded owner-*', { envelope: { from: 'SRS0=x=yz=lists.example=owner-dev@fwd.example', to: OWNER } }, 'system-address'],
    [
      'a double-SRS-forwarded *-request',
      { envelope: { from: 'SRS1=h=fwd1.example==x=yz=lists.example=dev-request@fwd2.example', to: OWNER } },
      'system-address',
    ],
    ['a MAILER-DAEMON From with an ordinary envelope', { extra: 'From: Mail Delivery <MAILER-DAEMON@mx.example>' }, 'system-address'],
    ['noreply@', { envelope: { from: 'noreply@bank.example', to: OWNER } }, 'noreply-address'],
    ['No-Reply@', { envelope: { from: 'No-Reply@fatture.example', to: OWNER } }, 'noreply-address'],
    ['no_reply@', { envelope: { from: 'no_reply@shop.example', to: OWNER } }, 'noreply-address'],
    ['DoNotReply@', { envelope: { from: 'DoNotReply@bills.example', to: OWNER } }, 'noreply-address'],
    ['do-not-reply@', { envelope: { from: 'do-not-reply@bills.example', to: OWNER } }, 'noreply-address'],
    ['calendar-noreply@', { envelope: { from: 'calendar-noreply@google.example', to: OWNER } }, 'noreply-address'],
    ['noreply+tag@', { envelope: { from: 'noreply+12345@esp.example', to: OWNER } }, 'noreply-address'],
    [
      'a noreply From behind a bounce envelope',
      { headerText: `From: Shop <noreply@shop.example>\nTo: ${OWNER}`, envelope: { from: 'bounce-77@esp.example', to: OWNER } },
      'noreply-address',
    ],
    ['List-Id', { extra: 'List-Id: Developers <dev.lists.example>' }, 'list-header'],
    ['List-Post alone', { extra: 'List-Post: <mailto:members@club.example>' }, 'list-header'],
    ['List-Unsubscribe', { extra: 'List-Unsubscribe: <https://x.example/u>' }, 'list-header'],
    ['List-Help', { extra: 'List-Help: <mailto:help@x.example>' }, 'list-header'],
    ['List-Subscribe', { extra: 'List-Subscribe: <mailto:sub@x.example>' }, 'list-header'],
    ['List-Owner', { extra: 'List-Owner: <mailto:owner@x.example>' }, 'list-header'],
    ['List-Archive', { extra: 'List-Archive: <https://x.example/a>' }, 'list-header'],
    ['a list header in odd case', { extra: 'LIST-ID: <dev.lists.example>' }, 'list-header'],
    ['Auto-Submitted: auto-replied', { extra: 'Auto-Submitted: auto-replied (vacation)' }, 'auto-submitted'],
    ['Auto-Submitted: auto-generated', { extra: 'Auto-Submitted: auto-generated' }, 'auto-submitted'],
    ['Auto-Submitted: AUTO-NOTIFIED', { extra: 'Auto-Submitted: AUTO-NOTIFIED' }, 'auto-submitted'],
    ['an empty Auto-Submitted', { extra: 'Auto-Submitted:' }, 'auto-submitted'],
    ['a second Auto-Submitted that is not no', { extra: 'Auto-Submitted: no\nAuto-Submitted: auto-generated' }, 'auto-submitted'],
    ['a folded Auto-Submitted', { extra: 'Auto-Submitted:\n auto-replied' }, 'auto-submitted'],
    ['Precedence: bulk', { extra: 'Precedence: bulk' }, 'precedence'],
    ['Precedence: JUNK', { extra: 'Precedence: JUNK' }, 'precedence'],
    ['Precedence: list with a comment', { extra: 'Precedence: list (mailman)' }, 'precedence'],
    ['Auto-Submitted: no and Precedence: bulk', { extra: 'Auto-Submitted: no\nPrecedence: bulk' }, 'precedence'],
    ['X-Auto-Response-Suppress: All', { extra: 'X-Auto-Response-Suppress: All' }, 'x-auto-response-suppress'],
    ['X-Auto-Response-Suppress: OOF in a list', { extra: 'X-Auto-Response-Suppress: DR, OOF, AutoReply' }, 'x-auto-response-suppress'],
    ['X-Auto-Response-Suppress: oof in lower case', { extra: 'X-Auto-Response-Suppress: oof' }, 'x-auto-response-suppress'],
    ['X-Autoreply', { extra: 'X-Autoreply: yes' }, 'legacy-autoresponder'],
    ['X-Autorespond', { extra: 'X-Autorespond: Out of office' }, 'legacy-autoresponder'],
    ['X-Spam-Flag: YES', { extra: 'X-Spam-Flag: YES' }, 'spam-flagged'],
    ['X-Spam-Flag: yes', { extra: 'X-Spam-Flag: yes' }, 'spam-flagged'],
    ['X-Spam-Status: Yes', { extra: 'X-Spam-Status: Yes, score=9.1 required=5.0' }, 'spam-flagged'],
    ['the owner absent from every recipient field', { headerText: `From: ${CLIENT}\nTo: info@studio-rossi.example` }, 'implicit-delivery'],
    ['undisclosed recipients', { headerText: `From: ${CLIENT}\nTo: undisclosed-recipients:;` }, 'implicit-delivery'],
    ['no recipient field at all', { headerText: `From: ${CLIENT}\nSubject: hi` }, 'implicit-delivery'],
    ['the owner only in Reply-To', { headerText: `From: ${CLIENT}\nTo: a@b.example\nReply-To: ${OWNER}` }, 'implicit-delivery'],
    ['the owner only as a display name', { headerText: `From: ${CLIENT}\nTo: "${OWNER}" <list@lists.example>` }, 'implicit-delivery'],
    ['a sender who is not a known contact', { policy: { audience: 'known-contacts' }, senderIsKnownContact: false }, 'unknown-sender'],
  ])('for %s', (_, input, reason) => {
    expect(decide(input)).toEqual({ decision: 'no-reply', reason });
  });

  it('answers a known contact when only known contacts are answered', () => {
    expect(decide({ policy: { audience: 'known-contacts' }, senderIsKnownContact: true }).decision).toBe('reply');
  });
});

describe('at most one reply per sender, interval and text', () => {
  const sentAt = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY);

  it.each<[string, Partial<AutoReplyInput>, 'reply' | 'no-reply']>([
    [
      'answered an hour ago',
      { previousReplies: [{ to: CLIENT, textId: 'text-1', sentAt: new Date(NOW.getTime() - 3_600_000) }] },
      'no-reply',
    ],
    ['answered 6 days ago (default 7)', { previousReplies: [{ to: CLIENT, textId: 'text-1', sentAt: sentAt(6) }] }, 'no-reply'],
    ['answered exactly 7 days ago', { previousReplies: [{ to: CLIENT, textId: 'text-1', sentAt: sentAt(7) }] }, 'reply'],
    [
      'answered in another case',
      { previousReplies: [{ to: 'John.Smith@ACME-client.example', textId: 'text-1', sentAt: sentAt(1) }] },
      'no-reply',
    ],
    ['answered with an older text', { previousReplies: [{ to: CLIENT, textId: 'text-0', sentAt: sentAt(1) }] }, 'reply'],
    ['another sender answered', { previousReplies: [{ to: 'other@acme-client.example', textId: 'text-1', sentAt: sentAt(1) }] }, 'reply'],
    [
      'answered 2 days ago, interval 3',
      { policy: { intervalDays: 3 }, previousReplies: [{ to: CLIENT, textId: 'text-1', sentAt: sentAt(2) }] },
      'no-reply',
    ],
    [
      'answered 3 days ago, interval 3',
      { policy: { intervalDays: 3 }, previousReplies: [{ to: CLIENT, textId: 'text-1', sentAt: sentAt(3) }] },
      'reply',
    ],
    [
      'answered 12 hours ago, interval 0 (raised to 1 day)',
      { policy: { intervalDays: 0 }, previousReplies: [{ to: CLIENT, textId: 'text-1', sentAt: sentAt(0.5) }] },
      'no-reply',
    ],
    ['a reply dated in the future (clock skew)', { previousReplies: [{ to: CLIENT, textId: 'text-1', sentAt: sentAt(-1) }] }, 'no-reply'],
  ])('%s → %s', (_, input, decision) => {
    const result = decide(input);
    expect(result.decision).toBe(decision);
    if (decision === 'no-reply') expect(result.reason).toBe('already-replied');
  });

  it('is at least one day and seven by default', () => {
    expect([
      autoReplyIntervalDays(undefined),
      autoReplyIntervalDays(0),
      autoReplyIntervalDays(-3),
      autoReplyIntervalDays(Number.NaN),
      autoReplyIntervalDays(30),
    ]).toEqual([7, 1, 1, 7, 30]);
  });

  it('does not count a suppressed message: the history only holds replies really sent', () => {
    const suppressed = decide({ extra: 'Precedence: bulk' });
    expect(suppressed.decision).toBe('no-reply');
    expect(decide({ previousReplies: [] }).decision).toBe('reply');
  });
});

describe('the reply', () => {
  function reply(input: Partial<AutoReplyInput> & { extra?: string; headerText?: string } = {}) {
    const result = decide(input);
    if (result.decision !== 'reply') throw new Error(`expected a reply, got ${result.reason}`);
    return result.reply;
  }

  it('goes from <> to the envelope sender, from the owner, marked as an auto-reply', () => {
    expect(reply()).toEqual({
      envelope: { from: '', to: CLIENT },
      headers: {
        From: `"Mario Rossi" <${OWNER}>`,
        To: `"John Smith" <${CLIENT}>`,
        Subject: 'Auto: Quote for the Q3 audit',
        'In-Reply-To': '<q3@acme-client.example>',
        References: '<q3@acme-client.example>',
        'Auto-Submitted': 'auto-replied',
        Precedence: 'bulk',
        'X-Auto-Response-Suppress': 'All',
      },
      subject: 'Auto: Quote for the Q3 audit',
      language: 'en',
      textId: 'text-1',
    });
  });

  it('is sent from the alias the client wrote to', () => {
    expect(reply({ headerText: `From: ${CLIENT}\nTo: M. Rossi <M.Rossi@studio-rossi.example>` }).headers.From).toBe(
      '"Mario Rossi" <m.rossi@studio-rossi.example>',
    );
  });

  it('never goes to Reply-To', () => {
    expect(reply({ extra: 'Reply-To: Sales <sales@acme-client.example>' }).envelope.to).toBe(CLIENT);
  });

  it('names the recipient only when a Sender or From address is the envelope sender', () => {
    const srs = 'SRS0=AbCd=PQ=client-fwd.example=anna@forwarder.example';
    expect(
      reply({ envelope: { from: srs, to: OWNER }, headerText: `From: Anna Neri <anna@client-fwd.example>\nTo: ${OWNER}` }).headers.To,
    ).toBe(`<${srs}>`);
    expect(
      reply({
        envelope: { from: 'assistant@acme-client.example', to: OWNER },
        extra: 'Sender: Jo Assistant <assistant@acme-client.example>',
      }).headers.To,
    ).toBe('"Jo Assistant" <assistant@acme-client.example>');
    expect(reply({ headerText: `From: =?ISO-8859-1?Q?Nicol=F2_Ferr=E0?= <${CLIENT}>\nTo: ${OWNER}` }).headers.To).toBe(
      `=?UTF-8?Q?Nicol=C3=B2_Ferr=C3=A0?= <${CLIENT}>`,
    );
  });

  it.each([
    ['Quote for the Q3 audit', 'Auto: Quote for the Q3 audit', 'Auto: Quote for the Q3 audit'],
    ['Re: Contract renewal', 'Auto: Re: Contract renewal', 'Auto: Re: Contract renewal'],
    [
      '=?UTF-8?Q?Richiesta_di_pagamento_=E2=80=93_fattura_n=C2=B0_42?=',
      'Auto: Richiesta di pagamento – fattura n° 42',
      /^Auto: .*=\?UTF-8\?Q\?.*\?=/,
    ],
    ['=?iso-8859-1?B?UmljaGllc3RhIHVyZ2VudGUg4A==?=', 'Auto: Richiesta urgente à', /=\?UTF-8\?Q\?/],
    ['Folded\n  subject line', 'Auto: Folded subject line', 'Auto: Folded subject line'],
    ['=?utf-8?q?Hi=0D=0ABcc:_victim@example.com?=', 'Auto: Hi Bcc: victim@example.com', 'Auto: Hi Bcc: victim@example.com'],
    ['   ', 'Automated reply', 'Automated reply'],
    ['=?x-unknown?Q?abc?=', 'Auto: abc', 'Auto: abc'],
  ])('turns the subject %j into %j', (subject, decoded, wire) => {
    const { subject: text, headers } = reply({ headerText: `From: ${CLIENT}\nTo: ${OWNER}\nSubject: ${subject}` });
    expect(text).toBe(decoded);
    if (typeof wire === 'string') expect(headers.Subject).toBe(wire);
    else expect(headers.Subject).toMatch(wire);
    expect(headers.Subject).not.toMatch(/[\r\n]/);
    expect(decodeText(headers.Subject)).toBe(decoded);
  });

  it('says "Automated reply" when the message has no Subject', () => {
    expect(reply({ headerText: `From: ${CLIENT}\nTo: ${OWNER}` }).headers.Subject).toBe('Automated reply');
  });

  it('keeps the subject to 256 characters, without splitting a character', () => {
    expect(Array.from(replySubject('x'.repeat(400)))).toHaveLength(256);
    expect(replySubject('x'.repeat(250))).toBe(`Auto: ${'x'.repeat(250)}`);
    const emoji = replySubject('😀'.repeat(300));
    expect(Array.from(emoji)).toHaveLength(256);
    expect(emoji.endsWith('😀…')).toBe(true);
  });

  it.each([
    ['no Message-ID', '', undefined, undefined],
    ['a Message-ID only', 'Message-ID: <m3@x>', '<m3@x>', '<m3@x>'],
    ['References', 'Message-ID: <m3@x>\nReferences: <m1@x>\n  <m2@y>', '<m3@x>', '<m1@x> <m2@y> <m3@x>'],
    ['In-Reply-To without References', 'Message-ID: <m3@x>\nIn-Reply-To: <m2@y>', '<m3@x>', '<m2@y> <m3@x>'],
    ['a Message-ID without brackets', 'Message-ID: m3@x', '<m3@x>', '<m3@x>'],
    ['a garbage Message-ID', 'Message-ID: not an id', undefined, undefined],
  ])('threads a message with %s', (_, extra, inReplyTo, references) => {
    const { headers } = reply({ headerText: `From: ${CLIENT}\nTo: ${OWNER}\n${extra}` });
    expect(headers['In-Reply-To']).toBe(inReplyTo);
    expect(headers.References).toBe(references);
  });

  it('bounds a very long References chain, keeping the first and the latest', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `<r${i}@x>`);
    const { headers } = reply({ headerText: `From: ${CLIENT}\nTo: ${OWNER}\nMessage-ID: <last@x>\nReferences: ${ids.join(' ')}` });
    const chain = headers.References?.split(' ') ?? [];
    expect(chain).toHaveLength(20);
    expect(chain[0]).toBe('<r0@x>');
    expect(chain.at(-1)).toBe('<last@x>');
  });

  it.each<[AutoReplyInput['language'], readonly string[] | undefined, string]>([
    [{ preferred: 'it', detected: 'en', workspaceDefault: 'en' }, undefined, 'it'],
    [{ preferred: null, detected: 'it', workspaceDefault: 'en' }, undefined, 'it'],
    [{ preferred: null, detected: 'other', workspaceDefault: 'it' }, undefined, 'it'],
    [{ workspaceDefault: 'it' }, undefined, 'it'],
    [{ preferred: 'de', detected: 'it', workspaceDefault: 'en' }, ['en', 'it'], 'it'],
    [undefined, undefined, 'en'],
  ])('is written in the client’s language: %j of %j → %s', (language, languages, expected) => {
    expect(reply({ language, text: { id: 'text-1', languages } }).language).toBe(expected);
  });
});
