import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(stack.gatewayUrl, { method: 'POST', headers, body });

describe('gateway HTTP hardening', () => {
  it('refuses cross-site "simple" requests (CSRF prevention)', async () => {
    const form = await post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    const get = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const response = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('"data"');
  });

  it('refuses a body over the limit with 413, and malformed JSON with 400, as GraphQL errors', async () => {
    const big = await post(JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(200_000) } }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('never answers a mutation over GET', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('mutation { startConversation { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });

  it('reports every subgraph on /health', async () => {
    const response = await fetch(new URL('/health', stack.gatewayUrl));
    expect(response.status).toBe(200);
    expect(Object.keys(((await response.json()) as any).subgraphs).sort()).toEqual(['conversation', 'emotion', 'identity', 'personalization', 'privacy', 'risk']);
  });
});
