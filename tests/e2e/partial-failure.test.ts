import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { registerPerson, startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

it('a subgraph stopped mid-run gives partial data, an error naming it, and /health 503', async () => {
  const person = await registerPerson(stack, 'partial@example.test');
  const query = `{ me { displayName emotionReadings { emotion } consents { type } } }`;
  const before = await stack.gql(query, {}, person.token);
  expect(before.errors).toBeUndefined();
  expect((await fetch(new URL('/health', stack.gatewayUrl))).status).toBe(200);

  await stack.stopSubgraph('emotion');

  const after = await stack.gql(query, {}, person.token);
  expect(after.data.me.displayName).toBe('Test Person');
  expect(after.data.me.consents).toEqual([]);
  expect(after.data.me.emotionReadings).toBeNull();
  expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'emotion' });
  expect(after.errors?.[0]?.message).toContain('emotion');

  const health = await fetch(new URL('/health', stack.gatewayUrl));
  expect(health.status).toBe(503);
  expect(((await health.json()) as any).subgraphs).toMatchObject({ emotion: 'down', identity: 'up' });
});
