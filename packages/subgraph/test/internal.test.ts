import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePemKeyPair, importPrivateKey, importPublicKey, verifyInternalToken } from '@resona/auth';
import { ConsentChecker, DeniedBurstDetector, InternalCallError, internalClient, type ConsentSource } from '../src/index.js';

describe('ConsentChecker', () => {
  it('asks once per tick for every person of the request, and never caches across requests', async () => {
    const calls: string[][] = [];
    let shared = ['a', 'c'];
    const source: ConsentSource = async (_clinic, userIds) => {
      calls.push(userIds);
      return shared.filter((id) => userIds.includes(id));
    };
    const request1 = new ConsentChecker(source, 'clinic', null);
    expect(await Promise.all(['a', 'b', 'c', 'a'].map((id) => request1.shares(id)))).toEqual([true, false, true, true]);
    expect(calls).toEqual([['a', 'b', 'c']]);
    shared = [];
    const request2 = new ConsentChecker(source, 'clinic', null);
    expect(await request2.shares('a')).toBe(false);
    expect(calls).toHaveLength(2);
  });

  it('refuses when there is no clinic, and fails closed when privacy cannot answer', async () => {
    expect(await new ConsentChecker(async () => ['a'], null, null).shares('a')).toBe(false);
    const down = new ConsentChecker(async () => Promise.reject(new Error('down')), 'clinic', null);
    await expect(down.shares('a')).rejects.toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
  });
});

describe('DeniedBurstDetector', () => {
  it('reports once per window when the count first exceeds the threshold', () => {
    let now = 0;
    const detector = new DeniedBurstDetector(3, () => now);
    expect([1, 2, 3, 4, 5].map(() => detector.record('k', 1).burst)).toEqual([false, false, false, true, false]);
    expect(detector.record('other', 1).burst).toBe(false);
    now = 60_000;
    expect([1, 2, 3, 4].map(() => detector.record('k', 1).burst)).toEqual([false, false, false, true]);
  });
});

describe('internalClient', () => {
  let server: http.Server;
  let url: string;
  const keys = generatePemKeyPair();
  let seen: { authorization?: string; requestId?: string } = {};
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen = { authorization: req.headers.authorization, requestId: req.headers['x-request-id'] as string | undefined };
        const { query } = JSON.parse(body) as { query: string };
        if (query.includes('slow')) return setTimeout(() => res.end('{}'), 500);
        res.setHeader('content-type', 'application/json');
        if (query.includes('fail')) return res.end(JSON.stringify({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }));
        res.end(JSON.stringify({ data: { ok: true } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends a service token the peers accept, with the request id', async () => {
    const client = internalClient(url, await importPrivateKey(keys.privateKeyPem));
    expect(await client.request('{ ok }', {}, { requestId: 'req-1' })).toEqual({ ok: true });
    const principal = await verifyInternalToken(await importPublicKey(keys.publicKeyPem), seen.authorization!.slice('Bearer '.length));
    expect(principal.kind).toBe('service');
    expect(seen.requestId).toBe('req-1');
  });

  it('fails with coded errors: GraphQL errors, timeouts, unreachable peers', async () => {
    const key = await importPrivateKey(keys.privateKeyPem);
    await expect(internalClient(url, key).request('{ fail }')).rejects.toMatchObject({ code: 'INTERNAL_CALL_FAILED' });
    await expect(internalClient(url, key, { timeoutMs: 50 }).request('{ slow }')).rejects.toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', message: expect.stringMatching(/timed out/) });
    const error = await internalClient('http://127.0.0.1:1/graphql', key).request('{ ok }').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalCallError);
    expect(error).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' });
  });
});
