import { describe, expect, it } from 'vitest';
import { classifyImapFailure, describeImapFailure, toImapError } from './imap-errors';

describe('what an IMAP failure means for the admin', () => {
  const where = 'imap.example.com:993';
  it.each([
    [
      'a refused login',
      { message: 'Command failed', authenticationFailed: true, responseText: 'Authentication failed.' },
      'auth',
      'authentication failed at imap.example.com:993: Authentication failed.',
    ],
    [
      'a closed port',
      { message: 'connect ECONNREFUSED 1.2.3.4:993', code: 'ECONNREFUSED' },
      'unreachable',
      'cannot reach imap.example.com:993 (ECONNREFUSED)',
    ],
    [
      'an unknown host',
      { message: 'getaddrinfo ENOTFOUND x', code: 'ENOTFOUND' },
      'unreachable',
      'cannot reach imap.example.com:993 (ENOTFOUND)',
    ],
    [
      'no answer',
      { message: 'Connection timed out', code: 'CONNECT_TIMEOUT' },
      'timeout',
      'no answer from imap.example.com:993 in time (CONNECT_TIMEOUT)',
    ],
    [
      'TLS on a plain port',
      { message: '80EC...:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:...\n', code: 'ERR_SSL_WRONG_VERSION_NUMBER' },
      'tls',
      "TLS handshake with imap.example.com:993 failed (ERR_SSL_WRONG_VERSION_NUMBER): check the TLS setting (IMAPS, usually port 993) and the server's certificate",
    ],
    [
      'a self-signed certificate',
      { message: 'self-signed certificate', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      'tls',
      expect.stringContaining('certificate'),
    ],
    [
      'a wrong host name in the certificate',
      { message: "Hostname/IP does not match certificate's altnames", code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
      'tls',
      expect.stringContaining('TLS handshake'),
    ],
    [
      'anything else',
      { message: 'Unexpected server response\nsecond line', responseText: 'BYE' },
      'protocol',
      'Unexpected server response: BYE',
    ],
  ])('%s', (_name, error, kind, message) => {
    expect(classifyImapFailure(error)).toBe(kind);
    expect(describeImapFailure(error, where)).toEqual(message);
  });

  it('wraps anything thrown, keeping the kind', () => {
    const wrapped = toImapError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), where);
    expect(wrapped).toMatchObject({ name: 'ImapError', kind: 'unreachable', message: 'cannot reach imap.example.com:993 (ECONNREFUSED)' });
    expect(toImapError('plain text', where)).toMatchObject({ kind: 'protocol', message: 'plain text' });
  });
});
