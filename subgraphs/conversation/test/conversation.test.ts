import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { KeyRing } from '@resona/crypto';
import type { DemoWorld } from '@resona/subgraph';
import { anonymous, asService, asUser, startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { composeReply, conversation, detectLanguage } from '../src/server.js';

const START = `mutation { startConversation { id title createdAt cursor user { id } } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) {
  userMessage { id role text clientMessageId cursor conversation { id } }
  reply { id role text clientMessageId }
} }`;
const GET = `query($id: ID!, $first: Int) { conversation(id: $id) { id messages(first: $first) { id role text } } }`;
const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Conversation { id messages { id text } }
  ... on Message { id text }
  ... on User { id conversations { id } }
} }`;

const ENCRYPTION_KEYS = KeyRing.generateSpec();
let subgraph: TestSubgraph;
beforeAll(async () => {
  // No peers here (nothing listens on port 1): every turn degrades to the local responder; turn.test.ts covers the peers.
  const nowhere = 'http://127.0.0.1:1/graphql';
  subgraph = await startTestSubgraph(conversation, { ENCRYPTION_KEYS, PRIVACY_URL: nowhere, RISK_URL: nowhere, EMOTION_URL: nowhere });
});
afterAll(() => subgraph.stop());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  subgraph.orm.orm.em.fork().getConnection().execute<T[]>(query, params);

async function start(userId: string): Promise<string> {
  const { data, errors } = await subgraph.request(asUser(userId), START);
  expect(errors).toBeUndefined();
  return data.startConversation.id;
}

const send = (userId: string, conversationId: string, text: string, clientMessageId: string = randomUUID()) =>
  subgraph.request(asUser(userId), SEND, { input: { conversationId, text, clientMessageId } });

describe('conversation subgraph', () => {
  it('starts a conversation, sends a message, gets a reply and lists them newest first', async () => {
    const user = randomUUID();
    const id = await start(user);
    const sent = await send(user, id, 'I feel so tired and alone lately', 'c-1');
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendMessage.userMessage).toMatchObject({ role: 'USER', text: 'I feel so tired and alone lately', clientMessageId: 'c-1', conversation: { id } });
    expect(sent.data.sendMessage.reply).toMatchObject({ role: 'ASSISTANT', clientMessageId: null });
    expect(sent.data.sendMessage.reply.text).toMatch(/\?$/);
    await send(user, id, 'Second message');

    const { data } = await subgraph.request(asUser(user), GET, { id });
    expect(data.conversation.messages.map((m: { role: string }) => m.role)).toEqual(['ASSISTANT', 'USER', 'ASSISTANT', 'USER']);
    expect(data.conversation.messages[1].text).toBe('Second message');
    expect(data.conversation.messages[3].text).toBe('I feel so tired and alone lately');

    const list = await subgraph.request(asUser(user), `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { conversations { id cursor } } } }`, {
      reps: [{ __typename: 'User', id: user }],
    });
    expect(list.data._entities[0].conversations.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('pages messages with first/after and refuses first: 101', async () => {
    const user = randomUUID();
    const id = await start(user);
    await send(user, id, 'one');
    await send(user, id, 'two');
    const page = `query($id: ID!, $after: String) { conversation(id: $id) { messages(first: 2, after: $after) { text cursor } } }`;
    const first = await subgraph.request(asUser(user), page, { id });
    expect(first.data.conversation.messages.map((m: { text: string }) => m.text)[1]).toBe('two');
    const second = await subgraph.request(asUser(user), page, { id, after: first.data.conversation.messages[1].cursor });
    expect(second.data.conversation.messages[1].text).toBe('one');
    const tooMany = await subgraph.request(asUser(user), GET, { id, first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('stores a replayed clientMessageId once and returns the first result', async () => {
    const user = randomUUID();
    const id = await start(user);
    const first = await send(user, id, 'Habari, nimechoka sana leo', 'offline-1');
    const again = await send(user, id, 'Habari, nimechoka sana leo', 'offline-1');
    expect(again.data.sendMessage).toEqual(first.data.sendMessage);
    // A concurrent burst of the same id also stores one pair.
    const burst = await Promise.all([1, 2, 3, 4].map(() => send(user, id, 'race', 'offline-2')));
    expect(burst.every((r) => !r.errors)).toBe(true);
    expect(new Set(burst.map((r) => r.data.sendMessage.userMessage.id)).size).toBe(1);
    const rows = await sql<{ count: number }>('select count(*)::int as count from message where user_id = ?', [user]);
    expect(rows[0]?.count).toBe(4);
  });

  it('validates text, clientMessageId and conversationId', async () => {
    const user = randomUUID();
    const id = await start(user);
    const cases: [string, string, string, string][] = [
      [id, '', 'x', 'text'],
      [id, 'a'.repeat(4001), 'x', 'text'],
      [id, 'hello', '', 'clientMessageId'],
      [id, 'hello', 'x'.repeat(101), 'clientMessageId'],
      ['not-an-id', 'hello', 'x', 'conversationId'],
    ];
    for (const [conversationId, text, clientMessageId, field] of cases) {
      const { errors } = await send(user, conversationId, text, clientMessageId);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await send(user, id, 'a'.repeat(4000))).errors).toBeUndefined();
  });

  it('keeps message text encrypted at rest', async () => {
    const user = randomUUID();
    const id = await start(user);
    const secret = 'my very private secret 4711';
    await send(user, id, secret);
    const rows = await sql<{ text_ciphertext: Buffer }>('select text_ciphertext from message where user_id = ?', [user]);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(Buffer.isBuffer(row.text_ciphertext)).toBe(true);
      expect(row.text_ciphertext.toString('utf8')).not.toContain('secret');
      expect(row.text_ciphertext.toString('latin1')).not.toContain('secret');
    }
  });

  it('never shows or lets anyone write into another person’s conversation', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const bConversation = await start(b);
    const bMessage = (await send(b, bConversation, 'B private words')).data.sendMessage.userMessage.id;

    const direct = await subgraph.request(asUser(a), GET, { id: bConversation });
    expect(direct.data.conversation).toBeNull();
    const invalid = await subgraph.request(asUser(a), GET, { id: 'nope' });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

    for (const rep of [
      { __typename: 'Conversation', id: bConversation },
      { __typename: 'Message', id: bMessage },
      { __typename: 'User', id: b },
    ]) {
      const viaEntities = await subgraph.request(asUser(a), ENTITIES, { reps: [rep] });
      expect(viaEntities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(viaEntities.data)).not.toContain('B private words');
    }

    const into = await send(a, bConversation, 'sneaky');
    expect(into.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const rows = await sql<{ count: number }>('select count(*)::int as count from message where conversation_id = ?', [bConversation]);
    expect(rows[0]?.count).toBe(2);

    expect((await subgraph.request(anonymous(), START)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const asServiceCall = await subgraph.request(asService(), ENTITIES, { reps: [{ __typename: 'Message', id: bMessage }] });
    expect(asServiceCall.data._entities[0].text).toBe('B private words');
  });

  it('resolves conversations for an _entities batch of 50 users with one SQL query', async () => {
    const users = Array.from({ length: 50 }, () => randomUUID());
    for (const user of users.slice(0, 3)) await start(user);
    subgraph.orm.queries.reset();
    const { data, errors } = await subgraph.request(
      asService(),
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id conversations { id } } } }`,
      { reps: users.map((id) => ({ __typename: 'User', id })) },
    );
    expect(errors).toBeUndefined();
    expect(data._entities).toHaveLength(50);
    expect(data._entities[0].conversations).toHaveLength(1);
    expect(data._entities[49].conversations).toEqual([]);
    expect(subgraph.orm.queries.count).toBe(1);
  });
});

describe('demo data', () => {
  it('seeds a conversation per patient, readable through the API, and does it once', async () => {
    const patient = randomUUID();
    const world: DemoWorld = {
      clinics: [{ id: randomUUID(), name: 'Demo Clinic Nairobi' }],
      users: [
        { id: patient, email: 'p@example.test', displayName: 'Amani', roles: ['PATIENT'], clinicId: null, preferredLanguage: 'SW' },
        { id: randomUUID(), email: 'c@example.test', displayName: 'Dr C', roles: ['CLINICIAN'], clinicId: null, preferredLanguage: 'EN' },
      ],
      messages: [],
    };
    const config = { ENCRYPTION_KEYS, DATA_DIR: '/nonexistent' } as never;
    await conversation.seed!(subgraph.orm, world, config);
    await conversation.seed!(subgraph.orm, world, config);
    expect(world.messages).toHaveLength(4);
    expect(world.messages.every((m) => m.userId === patient)).toBe(true);
    const { data } = await subgraph.request(asUser(patient), ENTITIES, { reps: [{ __typename: 'User', id: patient }] });
    expect(data._entities[0].conversations).toHaveLength(1);
    const stored = await subgraph.request(asUser(patient), ENTITIES, { reps: [{ __typename: 'Message', id: world.messages[0]!.id }] });
    expect(stored.data._entities[0].text).toBe(world.messages[0]!.text);
  });
});

describe('local responder', () => {
  it('answers in the person’s language, kindly and deterministically', () => {
    expect(detectLanguage('I have been feeling so sad this week')).toBe('EN');
    expect(detectLanguage('Nimechoka sana na nina wasiwasi kuhusu kazi yangu')).toBe('SW');
    expect(detectLanguage('Maze, nimechoka sana na hii stress ya job this week')).toBe('MIXED');
    const sw = composeReply('Nina huzuni sana leo');
    expect(sw.language).toBe('SW');
    expect(sw.text.toLowerCase()).toContain('huzuni');
    expect(sw.text).toMatch(/\?$/);
    expect(composeReply('I feel lonely')).toEqual(composeReply('I feel lonely'));
    expect(composeReply('I feel lonely').text).toContain('alone');
  });
});
