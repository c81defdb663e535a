import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@resona/config';
import { registerPerson, startTestStack, type TestStack } from '../support/stack.js';

const post = (stack: TestStack, body: unknown, headers: Record<string, string> = {}) =>
  fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('rate limits', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ settings: { RATE_LIMIT_PER_USER: '5', RATE_LIMIT_PER_IP: '40' } });
  });
  afterAll(() => stack?.stop());

  it('limits a person, then an address, with 429 RATE_LIMITED and Retry-After', async () => {
    const person = await registerPerson(stack, 'limited@example.test');
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 6; i++) {
      const response = await post(stack, { query: '{ me { id } }' }, { authorization: `Bearer ${person.token}` });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited!.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');

    let ipLimited: Response | undefined;
    for (let i = 0; i < 40 && !ipLimited; i++) {
      const response = await post(stack, { query: '{ __typename }' });
      if (response.status === 429) ipLimited = response;
    }
    expect(ipLimited?.headers.get('retry-after')).toBeTruthy();
    expect(((await ipLimited!.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});

describe('trusted documents and security headers', () => {
  let stack: TestStack;
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'clients/app/src/gql/persisted-documents.json'), 'utf8')) as Record<string, string>;
  const meId = Object.entries(manifest).find(([, query]) => query.startsWith('query Me '))![0];
  beforeAll(async () => {
    stack = await startTestStack({ settings: { TRUSTED_DOCUMENTS: 'require', CORS_ORIGINS: 'https://dashboard.resona.test' } });
  });
  afterAll(() => stack?.stop());

  it('runs known document ids and refuses anything else from public callers', async () => {
    const person = await registerPerson(stack, 'trusted@example.test').catch(() => null);
    // In require mode even registration must come from a known document.
    expect(person).toBeNull();
    const known = await post(stack, { documentId: meId });
    expect(((await known.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const adHoc = await post(stack, { query: '{ me { id } }' });
    expect(adHoc.status).toBe(400);
    expect(((await adHoc.json()) as any).errors[0].extensions.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    const unknown = await post(stack, { documentId: 'f'.repeat(64) });
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('sends security headers and allows only configured origins', async () => {
    const allowed = await post(stack, { documentId: meId }, { origin: 'https://dashboard.resona.test' });
    expect(allowed.headers.get('strict-transport-security')).toContain('max-age=31536000');
    expect(allowed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(allowed.headers.get('x-frame-options')).toBe('DENY');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.resona.test');
    const other = await post(stack, { documentId: meId }, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('production mode', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ settings: { NODE_ENV: 'production' } });
  });
  afterAll(() => stack?.stop());

  it('turns introspection and field suggestions off for public callers', async () => {
    const introspection = await post(stack, { query: '{ __schema { types { name } } }' });
    expect(introspection.status).toBe(403);
    expect(((await introspection.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    const typo = await post(stack, { query: '{ mee { id } }' });
    const body = (await typo.json()) as any;
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).not.toContain('Did you mean');
  });

  it('serves no landing page', async () => {
    const page = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/<html/i);
  });
});
