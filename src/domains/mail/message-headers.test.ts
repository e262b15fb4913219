import { describe, expect, it } from 'vitest';
import { MAX_HEADER_BYTES, readMessageHeaders } from './message-headers';

const crlf = (text: string) => Buffer.from(text.replaceAll('\n', '\r\n'));

describe('reading the header fields of a raw message', () => {
  it('keeps every field in order, names in lower case, values unfolded and undecoded, comments kept', async () => {
    const { headers, problems } = await readMessageHeaders(
      crlf(
        'From: John <john@acme.example>\nTo: a@b.example\nTo: undisclosed-recipients:;\nSubject: =?UTF-8?Q?caf=C3=A9?=\n  continued\nAuto-Submitted: no (typed\n by a human)\n\nbody\n\nX-Not-A-Header: body text\n',
      ),
    );
    expect(problems).toEqual([]);
    expect(headers).toEqual([
      { name: 'from', value: 'John <john@acme.example>' },
      { name: 'to', value: 'a@b.example' },
      { name: 'to', value: 'undisclosed-recipients:;' },
      { name: 'subject', value: '=?UTF-8?Q?caf=C3=A9?=  continued' },
      { name: 'auto-submitted', value: 'no (typed by a human)' },
    ]);
  });

  it('reads bare LF line ends', async () => {
    const { headers } = await readMessageHeaders(Buffer.from('From: a@b.example\nPrecedence: bulk\n\nbody'));
    expect(headers.map((field) => field.name)).toEqual(['from', 'precedence']);
  });

  it('reads 8-bit UTF-8 as UTF-8 and other 8-bit bytes as Latin-1, and says so', async () => {
    const raw = Buffer.concat([Buffer.from('Subject: caffè\r\nX-Garbage: caff'), Buffer.from([0xe8, 0xff]), Buffer.from('\r\n\r\n')]);
    const { headers, problems } = await readMessageHeaders(raw);
    expect(headers).toEqual([
      { name: 'subject', value: 'caffè' },
      { name: 'x-garbage', value: 'caffèÿ' },
    ]);
    expect(problems).toEqual([expect.stringMatching(/8-bit bytes/)]);
  });

  it.each([
    ['an empty message', Buffer.alloc(0), /no empty line|no header field/],
    ['a message without a blank line', Buffer.from('From: a@b.example\r\nTo: c@d.example'), /no empty line/],
    ['a body without headers', Buffer.from('\r\njust a body'), /no header field/],
    ['a line without a field name', crlf('From: a@b.example\nthis is not a header\nTo: c@d.example\n\n'), /without a field name/],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /./],
    ['NUL bytes', Buffer.from('From: a\u0000@b.example\r\n\u0000\u0000\r\n\r\n'), /./],
  ])('never throws on %s, and names the problem', async (_, raw, problem) => {
    const { problems } = await readMessageHeaders(raw);
    expect(problems.join('\n')).toMatch(problem);
  });

  it('ignores whatever comes after a huge header section', async () => {
    const huge = `X-Filler: ${'a'.repeat(1000)}\r\n`.repeat(Math.ceil(MAX_HEADER_BYTES / 1000) + 10);
    const { headers, problems } = await readMessageHeaders(Buffer.from(`From: a@b.example\r\n${huge}To: late@b.example\r\n\r\n`));
    expect(headers[0]).toEqual({ name: 'from', value: 'a@b.example' });
    expect(headers.some((field) => field.name === 'to')).toBe(false);
    expect(problems).toEqual([expect.stringMatching(/larger than/)]);
  });
});
