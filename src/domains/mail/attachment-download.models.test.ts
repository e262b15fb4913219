import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadHeaders, safeContentType } from './attachment-download.models';

describe('the content type an attachment is served with', () => {
  it.each([
    ['application/pdf', 'application/pdf'],
    ['Image/PNG; name="x.png"', 'image/png'],
    ['text/plain; charset=utf-8', 'text/plain'],
    ['text/html', 'application/octet-stream'],
    ['application/xhtml+xml', 'application/octet-stream'],
    ['image/svg+xml', 'application/octet-stream'],
    ['text/xml', 'application/octet-stream'],
    ['application/xml', 'application/octet-stream'],
    ['application/rss+xml', 'application/octet-stream'],
    ['text/javascript', 'application/octet-stream'],
    ['application/x-javascript', 'application/octet-stream'],
    ['application/ecmascript', 'application/octet-stream'],
    ['text/css', 'application/octet-stream'],
    ['multipart/related', 'application/octet-stream'],
    ['message/rfc822', 'application/octet-stream'],
    ['', 'application/octet-stream'],
    ['not a type', 'application/octet-stream'],
    ['text/plain\r\nSet-Cookie: x=1', 'application/octet-stream'],
  ])('%j → %s', (stored, expected) => {
    expect(safeContentType(stored)).toBe(expected);
  });
});

describe('Content-Disposition', () => {
  it.each([
    ['report.pdf', `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`],
    ['Preventivo è 2026.pdf', `attachment; filename="Preventivo e 2026.pdf"; filename*=UTF-8''Preventivo%20%C3%A8%202026.pdf`],
    ['日本語.txt', `attachment; filename=".txt"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.txt`],
    ['a"b;c%d\\e.txt', `attachment; filename="a_b_c_d_e.txt"; filename*=UTF-8''a%22b%3Bc%25d_e.txt`],
    ['../../etc/passwd', `attachment; filename=".._.._etc_passwd"; filename*=UTF-8''.._.._etc_passwd`],
    ['line\r\nbreak.txt', `attachment; filename="linebreak.txt"; filename*=UTF-8''linebreak.txt`],
    ["it's (1).txt", `attachment; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`],
    ['', `attachment; filename="attachment"; filename*=UTF-8''attachment`],
  ])('%j', (filename, expected) => {
    expect(contentDisposition(filename)).toBe(expected);
  });
});

it('a download is never sniffed, cached by proxies, or run as a page', () => {
  expect(downloadHeaders({ filename: 'x.html', contentType: 'text/html', size: 3 })).toEqual({
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="x.html"; filename*=UTF-8''x.html`,
    'content-length': '3',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  });
});
