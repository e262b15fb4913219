import { describe, expect, it } from 'vitest';
import { applyAttachmentLimits, dedupeKeyOf, INGEST_BATCH, ingestBatches, quarantineReasonOf } from './ingestion.models';
import { detectLanguage } from './language';
import { matchClient } from './matching.models';
import { sanitizeEmailHtml } from './sanitize';
import { chooseThread, parentCandidates } from './threading.models';

describe('matching a sender to a client', () => {
  const domains = [
    { clientId: 'acme', domain: 'acme.example' },
    { clientId: 'acme-it', domain: 'it.acme.example' },
  ];
  it.each([
    [
      'a known contact wins over the domain',
      'mario@acme.example',
      { contactId: 'c1', clientId: 'other' },
      { kind: 'contact', clientId: 'other', contactId: 'c1' },
    ],
    ['the client domain', 'giulia@acme.example', null, { kind: 'domain', clientId: 'acme', domain: 'acme.example' }],
    [
      'a subdomain matches its nearest registered parent',
      'x@mail.it.acme.example',
      null,
      { kind: 'domain', clientId: 'acme-it', domain: 'it.acme.example' },
    ],
    ['a lookalike domain does not match', 'x@notacme.example', null, { kind: 'unknown' }],
    ['a parent never matches a registered subdomain', 'x@example', null, { kind: 'unknown' }],
    ['no sender', null, null, { kind: 'unknown' }],
  ] as const)('%s', (_name, address, contact, expected) => {
    expect(matchClient(address, contact, domains)).toEqual(expected);
  });
});

describe('threading', () => {
  it('joins the thread of In-Reply-To first, then of the newest reference', () => {
    const found = [
      { messageIdHeader: '<a@x>', threadId: 'T-a' },
      { messageIdHeader: '<b@x>', threadId: 'T-b' },
    ];
    expect(chooseThread(parentCandidates('<b@x>', ['<a@x>']), found, 'own')).toBe('T-b');
    expect(chooseThread(parentCandidates(null, ['<a@x>', '<b@x>']), found, 'own')).toBe('T-b');
    expect(chooseThread(parentCandidates(null, ['<a@x>', '<zzz@x>']), found, 'own')).toBe('T-a');
    expect(chooseThread(parentCandidates(null, []), found, 'own')).toBe('own');
  });
});

describe('language detection', () => {
  it.each([
    ['Buongiorno, vorrei sapere quando arriva la fattura del mese scorso, grazie mille.', 'it'],
    ['Hello, I would like to know when the invoice for last month will arrive, thank you.', 'en'],
    ['Grazie!', 'other'],
    ['Thanks', 'other'],
    ['', 'other'],
    [
      '> Quoted English text that the client replied to, which says nothing about them.\nGrazie, va benissimo così, a presto per la riunione di lunedì.',
      'it',
    ],
  ])('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('the HTML sanitiser', () => {
  it.each([
    ['<p>hi<script>alert(1)</script></p>', '<p>hi</p>'],
    ['<img src="x" onerror="alert(1)" alt="pic">', '<img alt="pic" title="Remote image blocked" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a target="_blank" rel="noopener noreferrer">x</a>'],
    ['<a href="https://ok.example" target="_self">x</a>', '<a href="https://ok.example" target="_blank" rel="noopener noreferrer">x</a>'],
    ['<img src="https://tracker.example/p.gif">', '<img alt="Remote image blocked" title="Remote image blocked" />'],
    ['<form action="https://evil.example"><input name="p"></form>ok', 'ok'],
    ['<iframe src="https://evil.example"></iframe><style>body{display:none}</style>ok', 'ok'],
    ['<p style="position:fixed;color:red;background-image:url(https://t.example)">x</p>', '<p style="color:red">x</p>'],
  ])('%s', (html, expected) => {
    expect(sanitizeEmailHtml(html)).toBe(expected);
  });
  it('keeps inline data: images', () => {
    expect(sanitizeEmailHtml('<img src="data:image/png;base64,AAAA">')).toBe('<img src="data:image/png;base64,AAAA" />');
  });
});

describe('ingestion rules', () => {
  it('keys a message by its Message-ID, or by its bytes when it has none', () => {
    expect(dedupeKeyOf('<a@x>', 'h')).toBe('mid:<a@x>');
    expect(dedupeKeyOf(null, 'h')).toBe('sha256:h');
  });
  it('skips attachments over the limits, saying which', () => {
    const limits = { count: 2, eachBytes: 10, totalBytes: 15 };
    const file = (size: number) => ({ filename: 'f', contentType: 'x', size });
    expect(applyAttachmentLimits([file(5), file(11), file(8), file(3), file(1)], limits)).toEqual([
      { keep: true },
      { keep: false, reason: 'larger than 10 bytes' },
      { keep: true },
      { keep: false, reason: 'more than 2 attachments' },
      { keep: false, reason: 'more than 2 attachments' },
    ]);
    expect(applyAttachmentLimits([file(9), file(9)], limits)[1]).toEqual({ keep: false, reason: 'attachments over 15 bytes in total' });
  });
  it('quarantines only what has nothing useful', () => {
    const ok = { parserError: null, headerCount: 3, hasFrom: true, hasContent: true };
    expect(quarantineReasonOf(ok)).toBeNull();
    expect(quarantineReasonOf({ ...ok, hasFrom: false })).toBeNull();
    expect(quarantineReasonOf({ ...ok, parserError: 'boom' })).toBe('the MIME parser failed: boom');
    expect(quarantineReasonOf({ ...ok, headerCount: 0 })).toBe('no header fields could be read');
    expect(quarantineReasonOf({ ...ok, hasFrom: false, hasContent: false })).toBe('no sender and no content');
  });
});

describe('ingestion batches (what one transaction of a backlog takes in)', () => {
  const MiB = 1024 * 1024;
  const batchesOf = async (sizes: number[]) => {
    const batches: number[][] = [];
    for await (const batch of ingestBatches(
      sizes.map((size, index) => ({ index, size })),
      (item) => item.size,
    )) {
      batches.push(batch.map((item) => item.index));
    }
    return batches;
  };

  it('takes up to 100 small messages at a time, in order', async () => {
    const batches = await batchesOf(Array(250).fill(20_000));
    expect(batches.map((batch) => batch.length)).toEqual([INGEST_BATCH.messages, INGEST_BATCH.messages, 50]);
    expect(batches.flat()).toEqual([...Array(250).keys()]);
  });

  it('closes a batch before it would pass 8 MiB; a larger message goes alone', async () => {
    expect(await batchesOf([3 * MiB, 3 * MiB, 3 * MiB, 20 * MiB, 1 * MiB, 100])).toEqual([[0, 1], [2], [3], [4, 5]]);
    expect(await batchesOf([])).toEqual([]);
  });
});
