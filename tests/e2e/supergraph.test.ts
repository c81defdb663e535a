import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postGraphQL } from '@resona/testing';
import { login, registerPerson, startTestStack, type TestStack } from '../support/stack.js';

const DEMO_PASSWORD = 'Resona-demo-2026';

const EVERYTHING = `{
  me {
    id displayName
    conversations { id messages { text role emotion { emotion } risk { level } } }
    emotionReadings { emotion confidence }
    riskAssessments { level }
    consents { type granted }
    uiConfig { theme }
  }
}`;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ seed: true });
});
afterAll(() => stack?.stop());

describe('the supergraph through the gateway', () => {
  it('resolves one query across all six subgraphs for a seeded patient', async () => {
    const patient = await login(stack, 'patient1@demo.resona.test', DEMO_PASSWORD);
    const { data, errors } = await stack.gql(EVERYTHING, {}, patient.token);
    expect(errors).toBeUndefined();
    const me = data.me;
    expect(me.id).toBe(patient.id);
    expect(me.conversations.length).toBeGreaterThan(0);
    const messages = me.conversations.flatMap((c: { messages: unknown[] }) => c.messages);
    const userMessages = messages.filter((m: { role: string }) => m.role === 'USER');
    expect(userMessages.length).toBeGreaterThan(0);
    // Emotion and risk were made for the seeded user messages: fields from four subgraphs on one message.
    expect(userMessages.some((m: { emotion: unknown; risk: unknown }) => m.emotion && m.risk)).toBe(true);
    expect(me.emotionReadings.length).toBeGreaterThan(0);
    expect(me.riskAssessments.length).toBeGreaterThan(0);
    expect(me.consents).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'CLINIC_SHARING', granted: true })]));
    expect(me.uiConfig.theme).toEqual(expect.any(String));
  });

  it('resolves the same query for a newly registered person, with empty lists', async () => {
    const person = await registerPerson(stack, 'new-person@example.test');
    const { data, errors } = await stack.gql(EVERYTHING, {}, person.token);
    expect(errors).toBeUndefined();
    expect(data.me).toMatchObject({ id: person.id, conversations: [], emotionReadings: [], riskAssessments: [], consents: [], uiConfig: null });
  });

  it('talks, replays a clientMessageId without storing twice, and keeps message text encrypted', async () => {
    const person = await registerPerson(stack, 'talker@example.test');
    const conversation = (await stack.gql(`mutation { startConversation { id } }`, {}, person.token)).data.startConversation;
    const send = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { userMessage { id text } reply { id text role } } }`;
    const input = { conversationId: conversation.id, text: 'Nimechoka sana leo, kazi ni nyingi', clientMessageId: 'offline-1' };
    const first = await stack.gql(send, { input }, person.token);
    const replay = await stack.gql(send, { input }, person.token);
    expect(first.errors).toBeUndefined();
    expect(replay.data.sendMessage).toEqual(first.data.sendMessage);
    expect(first.data.sendMessage.reply.role).toBe('ASSISTANT');
    const { data } = await stack.gql(`query($id: ID!) { conversation(id: $id) { messages { id } } }`, { id: conversation.id }, person.token);
    expect(data.conversation.messages).toHaveLength(2);
    const rows = await stack.subgraphs.conversation!.orm.orm.em.fork().getConnection().execute(`select * from message`);
    expect(JSON.stringify(rows)).not.toContain('Nimechoka');
  });

  it('keeps person A out of person B’s conversation, messages and consents', async () => {
    const a = await registerPerson(stack, 'person-a@example.test');
    const b = await registerPerson(stack, 'person-b@example.test');
    const conversation = (await stack.gql(`mutation { startConversation { id } }`, {}, b.token)).data.startConversation;
    await stack.gql(
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { userMessage { id } } }`,
      { input: { conversationId: conversation.id, text: 'private words', clientMessageId: 'b-1' } },
      b.token,
    );
    const policy = (await stack.gql(`{ consentPolicy(type: RESEARCH) { version } }`)).data.consentPolicy;
    const consent = (
      await stack.gql(`mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, { input: { type: 'RESEARCH', policyVersion: policy.version } }, b.token)
    ).data.grantConsent;

    const read = await stack.gql(`query($id: ID!) { conversation(id: $id) { id messages { text } } }`, { id: conversation.id }, a.token);
    // Someone else's conversation reads exactly like one that does not exist.
    expect(read.data?.conversation).toBeNull();
    expect(JSON.stringify(read)).not.toContain('private words');

    const write = await stack.gql(
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { userMessage { id } } }`,
      { input: { conversationId: conversation.id, text: 'intrusion', clientMessageId: 'a-1' } },
      a.token,
    );
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(write.errors?.[0]?.extensions?.code);

    const revoke = await stack.gql(`mutation($id: ID!) { revokeConsent(id: $id) { id granted } }`, { id: consent.id }, a.token);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(revoke.errors?.[0]?.extensions?.code);
    const stillGranted = await stack.gql(`{ me { consents { id granted } } }`, {}, b.token);
    expect(stillGranted.data.me.consents).toEqual([{ id: consent.id, granted: true }]);
  });

  it('gives nothing to a caller who reaches a subgraph port directly', async () => {
    for (const subgraph of Object.values(stack.subgraphs)) {
      const response = await postGraphQL(subgraph.running.url, {}, JSON.stringify({ query: '{ _service { sdl } }' }));
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('batches entity lookups: 50 messages resolve emotion and risk with one SQL query each', async () => {
    const person = await registerPerson(stack, 'batch@example.test');
    const conversation = (await stack.gql(`mutation { startConversation { id } }`, {}, person.token)).data.startConversation;
    for (let i = 0; i < 25; i++) {
      await stack.gql(
        `mutation($input: SendMessageInput!) { sendMessage(input: $input) { userMessage { id } } }`,
        { input: { conversationId: conversation.id, text: `message ${i}`, clientMessageId: `batch-${i}` } },
        person.token,
      );
    }
    stack.resetQueryCounts();
    const { data, errors } = await stack.gql(
      `query($id: ID!) { conversation(id: $id) { messages(first: 50) { id emotion { emotion } risk { level } } } }`,
      { id: conversation.id },
      person.token,
    );
    expect(errors).toBeUndefined();
    expect(data.conversation.messages).toHaveLength(50);
    const counts = stack.queryCounts();
    expect(counts.emotion).toBe(1);
    expect(counts.risk).toBe(1);
  });

  it('refuses an invalid query with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await stack.gql(`{ me { noSuchField } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers UNAUTHENTICATED for a missing, forged or unknown token', async () => {
    const anonymous = await stack.gql(`{ me { id } }`);
    expect(anonymous.data?.me).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await stack.gql(`{ me { id } }`, {}, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses more than 100 items with BAD_USER_INPUT', async () => {
    const person = await registerPerson(stack, 'pager@example.test');
    const { errors } = await stack.gql(`{ me { conversations(first: 101) { id } } }`, {}, person.token);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never shows a stack trace or SQL', async () => {
    const person = await registerPerson(stack, 'no-trace@example.test');
    const response = await stack.gql(`query($id: ID!) { conversation(id: $id) { id } }`, { id: 'not-a-uuid' }, person.token);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|select |at \//i);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
