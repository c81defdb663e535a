/**
 * Clinicians' corrections become training rows, only with consent: privacy, risk and conversation
 * run over one real database (each in its own schema) on port 0, people talk through the real turn
 * (conversation asks privacy and risk), the on-call clinician reviews the queue, and
 * `pnpm export:crisis-corrections` runs as its own process against the three services.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generatePemKeyPair } from '@resona/auth';
import { REPO_ROOT } from '@resona/config';
import { SUBGRAPHS } from '@resona/stack';
import { asClinician, asService, asUser, createTestDatabase, startTestSubgraph, type TestSubgraph } from '@resona/testing';

const SCRIPT = path.join(REPO_ROOT, 'subgraphs/risk/scripts/export-crisis-corrections.ts');
const moduleNamed = (name: string) => SUBGRAPHS.find((s) => s.module.name === name)!.module;

const START = 'mutation { startConversation { id } }';
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { userMessage { id } risk { id } } }`;
const POLICY = '{ consentPolicy(type: RESEARCH) { version } }';
const GRANT = `mutation($version: String!) { grantConsent(input: { type: RESEARCH, policyVersion: $version }) { id } }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(id: $id) { id granted } }`;
const QUEUE = `query($clinicId: ID!) { reviewQueue(clinicId: $clinicId, first: 100) { id status } }`;
const REVIEW = `mutation($id: ID!, $level: RiskLevel!) { reviewAssessment(id: $id, level: $level) { id status reviewedLevel } }`;
const REVIEWED = `query($since: DateTime, $after: String, $first: Int) {
  reviewedItems(since: $since, after: $after, first: $first) { reviewItemId messageId userId detectedLevel reviewedLevel reviewedAt cursor }
}`;
const ANONYMISED = `query($ids: [ID!]!) { anonymisedMessages(ids: $ids) { id userId language text } }`;

/** Resona's on-call clinic: its clinicians review the items of people who share with no clinic. */
const ONCALL = randomUUID();
const reviewer = asClinician(randomUUID(), ONCALL);
/** Every message below is one the detector rates MODERATE, so each goes to the review queue. */
const WITH_PII = 'My name is Wanjiru Kamau, call me on 0712 345 678. Sometimes I wish I could sleep and never wake up.';
const PLAIN = 'Sometimes I wish I could sleep and never wake up.';

let database: { url: string; drop(): Promise<void> };
let privacy: TestSubgraph;
let risk: TestSubgraph;
let conversation: TestSubgraph;
let privateKeyPem: string;
let workDir: string;

interface Person {
  userId: string;
  messageId: string;
  reviewItemId: string;
}
/** RESEARCH consent active at export time. */
let consenting: Person;
/** Never gave RESEARCH consent. */
let notConsenting: Person;
/** Gave RESEARCH consent, then withdrew it. */
let withdrew: Person;

/** A person who says `text` through the real turn, with RESEARCH consent given (and maybe withdrawn) first; the on-call clinician then reviews it as `reviewedLevel`. */
async function personWhoSays(text: string, research: 'granted' | 'none' | 'revoked', reviewedLevel: string): Promise<Person> {
  const userId = randomUUID();
  const me = asUser(userId);
  if (research !== 'none') {
    const { version } = (await privacy.request(me, POLICY)).data.consentPolicy;
    const granted = await privacy.request(me, GRANT, { version });
    expect(granted.errors).toBeUndefined();
    if (research === 'revoked') expect((await privacy.request(me, REVOKE, { id: granted.data.grantConsent.id })).data.revokeConsent.granted).toBe(false);
  }
  const conversationId = (await conversation.request(me, START)).data.startConversation.id;
  const sent = await conversation.request(me, SEND, { input: { conversationId, text, clientMessageId: randomUUID() } });
  expect(sent.errors).toBeUndefined();
  const { userMessage, risk: assessment } = sent.data.sendMessage;
  expect(assessment?.id).toEqual(expect.any(String));
  // People are made one after the other, each reviewed at once: theirs is the only pending item.
  const queue = await risk.request(reviewer, QUEUE, { clinicId: ONCALL });
  expect(queue.errors).toBeUndefined();
  expect(queue.data.reviewQueue).toHaveLength(1);
  const [item] = queue.data.reviewQueue;
  const reviewed = await risk.request(reviewer, REVIEW, { id: item.id, level: reviewedLevel });
  expect(reviewed.errors).toBeUndefined();
  return { userId, messageId: userMessage.id, reviewItemId: item.id };
}

/** Runs the export script as its own process (as `pnpm export:crisis-corrections` does). */
function runExport(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'test', DATA_DIR: workDir, RISK_URL: risk.url, CONVERSATION_URL: conversation.url, PRIVACY_URL: privacy.url, INTERNAL_TOKEN_PRIVATE_KEY: privateKeyPem, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const conversationAudit = (where: string, params: unknown[]) =>
  conversation.orm.orm.em.fork().getConnection().execute<Record<string, any>[]>(`select * from conversation.audit_log where ${where} order by id`, params);

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'resona-corrections-'));
  database = await createTestDatabase();
  const internalKeys = generatePemKeyPair();
  privateKeyPem = internalKeys.privateKeyPem;
  const shared = { internalKeys, databaseUrl: database.url };
  privacy = await startTestSubgraph(moduleNamed('privacy'), {}, shared);
  risk = await startTestSubgraph(moduleNamed('risk'), { PRIVACY_URL: privacy.url, RISK_ONCALL_CLINIC_ID: ONCALL }, shared);
  // Nobody here consents to emotion analysis, so emotion is never called (the port is closed).
  conversation = await startTestSubgraph(moduleNamed('conversation'), { PRIVACY_URL: privacy.url, RISK_URL: risk.url, EMOTION_URL: 'http://127.0.0.1:1/graphql' }, shared);
  consenting = await personWhoSays(WITH_PII, 'granted', 'HIGH');
  notConsenting = await personWhoSays(PLAIN, 'none', 'MODERATE');
  withdrew = await personWhoSays(PLAIN, 'revoked', 'NONE');
}, 120_000);

afterAll(async () => {
  await conversation?.stop();
  await risk?.stop();
  await privacy?.stop();
  await database?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('risk: reviewedItems (service only)', () => {
  it('lists reviewed items oldest review first, with the detected and the reviewed level, a page at a time', async () => {
    const all = await risk.request(asService(), REVIEWED, {});
    expect(all.errors).toBeUndefined();
    expect(all.data.reviewedItems.map((i: { reviewItemId: string }) => i.reviewItemId)).toEqual([consenting.reviewItemId, notConsenting.reviewItemId, withdrew.reviewItemId]);
    expect(all.data.reviewedItems[0]).toEqual(
      expect.objectContaining({ messageId: consenting.messageId, userId: consenting.userId, detectedLevel: 'MODERATE', reviewedLevel: 'HIGH', reviewedAt: expect.any(String) }),
    );
    const first = (await risk.request(asService(), REVIEWED, { first: 1 })).data.reviewedItems;
    const next = (await risk.request(asService(), REVIEWED, { first: 2, after: first[0].cursor })).data.reviewedItems;
    expect([...first, ...next]).toEqual(all.data.reviewedItems);
    const since = (await risk.request(asService(), REVIEWED, { since: all.data.reviewedItems[2].reviewedAt })).data.reviewedItems;
    expect(since.map((i: { reviewItemId: string }) => i.reviewItemId)).toEqual([withdrew.reviewItemId]);
    expect((await risk.request(asService(), REVIEWED, { first: 101 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a person and a clinician with FORBIDDEN', async () => {
    for (const caller of [asUser(consenting.userId), reviewer]) {
      const result = await risk.request(caller, REVIEWED, {});
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('conversation: anonymisedMessages (service only)', () => {
  it('refuses a person (even the author) and a clinician with FORBIDDEN, and decrypts nothing for them', async () => {
    const before = await conversationAudit(`action = 'READ'`, []);
    for (const caller of [asUser(consenting.userId), reviewer]) {
      const result = await conversation.request(caller, ANONYMISED, { ids: [consenting.messageId] });
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await conversationAudit(`action = 'READ'`, [])).toEqual(before);
  });

  it('gives a service the text with PII masked, and audits the read', async () => {
    // Only the consenting person's: conversation checks RESEARCH consent itself, whoever asks.
    const result = await conversation.request(asService(), ANONYMISED, { ids: [consenting.messageId, notConsenting.messageId, withdrew.messageId, randomUUID()] });
    expect(result.errors).toBeUndefined();
    expect(result.data.anonymisedMessages).toEqual([{ id: consenting.messageId, userId: consenting.userId, language: 'EN', text: expect.stringContaining('never wake up') }]);
    const { text } = result.data.anonymisedMessages[0];
    expect(text).not.toMatch(/Wanjiru|Kamau|0712|345 678/);
    expect(text).toMatch(/\[NAME_1\]/);
    expect(text).toMatch(/\[PHONE_1\]/);
    const reads = await conversationAudit(`action = 'READ' and subject_user_id = ?`, [consenting.userId]);
    expect(reads.at(-1)).toEqual(expect.objectContaining({ actor_kind: 'service', resource_type: 'Message', resource_id: consenting.messageId }));
    expect((await conversation.request(asService(), ANONYMISED, { ids: Array.from({ length: 101 }, () => randomUUID()) })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('pnpm export:crisis-corrections', () => {
  it('writes only the corrections of people with active RESEARCH consent, PII masked, labelled with the reviewed level', async () => {
    const readsBefore = (await conversationAudit(`action = 'READ'`, [])).length;
    const output = path.join(workDir, 'corrections.jsonl');
    const run = await runExport([output]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('reviewed items seen: 3');
    expect(run.stdout).toContain('skipped, no active RESEARCH consent: 2');
    expect(run.stdout).toContain(`written: 1 to ${output}`);
    expect(statSync(output).mode & 0o777).toBe(0o600);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const row = JSON.parse(lines[0]!);
    // The evaluation sets' format, key order included.
    expect(Object.keys(row)).toEqual(['id', 'split', 'lang', 'label', 'kind', 'text']);
    expect(row).toEqual({ id: consenting.reviewItemId, split: 'clinician', lang: 'en', label: 'HIGH', kind: 'crisis', text: expect.stringContaining('never wake up') });
    expect(row.text).not.toMatch(/Wanjiru|Kamau|0712|345 678/);
    // Only the consenting person's words were decrypted: the others' never left conversation.
    const reads = (await conversationAudit(`action = 'READ'`, [])).slice(readsBefore);
    expect(reads.map((r) => [r.subject_user_id, r.resource_id, r.actor_kind])).toEqual([[consenting.userId, consenting.messageId, 'service']]);
    expect(reads.some((r) => [notConsenting.userId, withdrew.userId].includes(r.subject_user_id))).toBe(false);
  }, 60_000);

  it('without an output path, or with the services unreachable: a clear message, a non-zero exit, no stack trace, no file', async () => {
    const noPath = await runExport([]);
    expect(noPath.code).not.toBe(0);
    expect(noPath.stderr).toMatch(/Name one output file\.\nusage: pnpm export:crisis-corrections/);

    const output = path.join(workDir, 'unreachable.jsonl');
    const down = await runExport([output], { RISK_URL: 'http://127.0.0.1:1/graphql' });
    expect(down.code).toBe(1);
    expect(down.stderr.trim()).toBe('Export failed, nothing written: Cannot reach risk at http://127.0.0.1:1/graphql (is the stack running? see RISK_URL).');
    expect(existsSync(output)).toBe(false);

    const wrongKey = await runExport([output], { INTERNAL_TOKEN_PRIVATE_KEY: generatePemKeyPair().privateKeyPem });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/^Export failed, nothing written: risk refused the service token \(UNAUTHENTICATED\)/);

    const intoEvalSets = await runExport([path.join(REPO_ROOT, 'subgraphs/risk/data/eval/clinician.jsonl')]);
    expect(intoEvalSets.code).not.toBe(0);
    expect(intoEvalSets.stderr).toMatch(/^Refusing to write inside .*subgraphs\/risk\/data/);
    expect(existsSync(path.join(REPO_ROOT, 'subgraphs/risk/data/eval/clinician.jsonl'))).toBe(false);

    for (const run of [noPath, down, wrongKey, intoEvalSets]) expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('neither field is reachable through the gateway (@inaccessible)', () => {
    const api = readFileSync(path.join(REPO_ROOT, 'schema/api.graphql'), 'utf8');
    expect(api).not.toMatch(/reviewedItems|anonymisedMessages|ReviewedItem|AnonymisedMessage/);
  });
});
