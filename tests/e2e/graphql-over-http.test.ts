import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { auditServer } from 'graphql-http';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

it('passes every MUST of the GraphQL-over-HTTP audit suite (graphql-http)', async () => {
  const results = await auditServer({ url: stack.gatewayUrl, fetchFn: fetch });
  const mustFailures = results.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok').map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
  expect(mustFailures).toEqual([]);
  expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
}, 60_000);
