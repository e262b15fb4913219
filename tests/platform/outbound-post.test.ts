import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundError, postOutbound } from '../../src/platform/http/outbound-post';

/** A POST to a URL someone configured: never into Baton's own network unless allowed, never after a redirect. */
describe('an outgoing POST', () => {
  let server: http.Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      hits.push(request.url ?? '');
      if (request.url === '/moved') response.writeHead(307, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
      else if (request.url === '/big') response.writeHead(500).end('x'.repeat(100_000));
      else request.pipe(response.writeHead(200, { 'content-type': 'application/json' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (url: string, allowPrivate: boolean) =>
    postOutbound({ url, body: '{"hello":"world"}', headers: { 'x-test': '1' }, timeoutMs: 5_000, allowPrivate });

  it('reaches a loopback receiver only when private addresses are allowed', async () => {
    expect(await post(`http://127.0.0.1:${port}/echo`, true)).toEqual({ status: 200, bodyExcerpt: '{"hello":"world"}', location: null });
    const refused = post(`http://127.0.0.1:${port}/echo`, false);
    await expect(refused).rejects.toBeInstanceOf(OutboundError);
    await expect(refused).rejects.toMatchObject({ reason: 'address_refused' });
    expect(hits).toEqual(['/echo']);
  });

  it('checks what a host name resolves to when it connects, not only the URL', async () => {
    await expect(post(`http://localhost:${port}/by-name`, false)).rejects.toMatchObject({
      reason: 'address_refused',
      message: expect.stringMatching(/localhost resolves to (127\.0\.0\.1|::1), which is not a public address/),
    });
    expect(hits).not.toContain('/by-name');
    expect((await post(`http://localhost:${port}/by-name`, true)).status).toBe(200);
  });

  it('answers a redirect with its target and does not follow it', async () => {
    expect(await post(`http://127.0.0.1:${port}/moved`, true)).toMatchObject({
      status: 307,
      location: `http://127.0.0.1:${port}/elsewhere`,
    });
    expect(hits).not.toContain('/elsewhere');
  });

  it('keeps only the start of a large answer', async () => {
    const response = await post(`http://127.0.0.1:${port}/big`, true);
    expect([response.status, response.bodyExcerpt.length]).toEqual([500, 1024]);
  });

  it('reports a receiver that is not listening as a network failure', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(post(`http://127.0.0.1:${closedPort}/`, true)).rejects.toMatchObject({
      reason: 'network',
      message: expect.stringMatching(/ECONNREFUSED/),
    });
  });
});
