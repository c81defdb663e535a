/**
 * Crisis alerts when things go wrong: the risk service killed between committing a crisis and
 * sending its alerts (the restarted service delivers the SMS and the signed webhook, once each,
 * and the clinic's dashboard stream gets the alert), and an SMS provider that hangs (the
 * dashboards' alerts do not wait for it).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createPubSub, Topic } from '@resona/pubsub';
import { createTestDatabase, runScript, startTestSubgraph, until } from '@resona/testing';
import { createLogger } from '@resona/config';
import { recordAssessmentWithAlerts } from '../src/domain/alerts.js';
import { OutboxTopic } from '../src/domain/escalations.js';
import { loadContacts } from '../src/domain/notify.js';
import { risk } from '../src/server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const clinic = randomUUID();
const person = randomUUID();

// Loopback stand-ins for the Twilio Messages API and the clinic's webhook: they record every request
// (when it arrived and when it was answered), and answer SMS after `smsDelayMs`.
const received: { path: string; key: string; body: string; at: number; answeredAt?: number }[] = [];
let smsDelayMs = 0;
const provider = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    const entry = { path: req.url!, key: String(req.headers['idempotency-key']), body, at: Date.now() } as (typeof received)[number];
    received.push(entry);
    setTimeout(() => {
      entry.answeredAt = Date.now();
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: `SM${randomUUID().replace(/-/g, '')}`, status: 'queued' }));
    }, req.url!.endsWith('/Messages.json') ? smsDelayMs : 0);
  });
});

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let contacts: string;
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  contacts = path.join(mkdtempSync(path.join(tmpdir(), 'risk-crash-')), 'contacts.json');
  writeFileSync(contacts, JSON.stringify({ onCall: [{ name: 'Primary', phone: '+254711000001' }], clinics: { [clinic]: { sms: ['+254722000001'], webhooks: [{ url: `${url}/hook`, secret: 'webhook-secret-0123456789' }] } } }));
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
  await new Promise((resolve) => provider.close(resolve));
});

const killedChild = () => runScript(path.join(here, 'crash-child.ts'), [database.url, contacts, person, clinic], path.resolve(here, '../../..'));


it('a risk process killed right after the commit: the restarted service alerts the clinic, once per recipient', async () => {
  const child = await killedChild();
  expect(`${child.signal}: ${child.out}`).toMatch(/^SIGKILL: committed /); // on failure, shows what the child printed
  const assessmentId = /committed (\S+)/.exec(child.out)?.[1];
  expect(assessmentId).toBeDefined();
  expect(received).toHaveLength(0); // nothing was sent before the kill

  // The restarted service (same database), with a dashboard listening on the clinic's alert topic.
  const pubsub = createPubSub();
  const alerts: unknown[] = [];
  const unsubscribe = await pubsub.subscribe(Topic.crisisAlert(clinic), (event) => void alerts.push(event));
  const service = await startTestSubgraph(
    risk,
    { RISK_CONTACTS_FILE: contacts, SMS_BASE_URL: url, SMS_ACCOUNT_SID: 'AC123', SMS_AUTH_TOKEN: 'token', SMS_FROM: '+254700999999', RISK_RELAY_POLL_MS: '50' },
    { databaseUrl: database.url },
  );
  try {
    await until(() => (received.length >= 2 && alerts.length >= 1 ? true : undefined));
    await new Promise((r) => setTimeout(r, 500)); // anything sent twice would arrive by now
    expect(received.filter((r) => r.path.endsWith('/Messages.json'))).toHaveLength(1);
    expect(received.filter((r) => r.path === '/hook')).toHaveLength(1);
    expect(JSON.parse(received.find((r) => r.path === '/hook')!.body)).toMatchObject({ type: 'crisis_escalation', level: 'HIGH', clinicIds: [clinic] });
    expect(alerts).toEqual([expect.objectContaining({ assessment: expect.objectContaining({ id: assessmentId }) })]);
    // Everything due was delivered; only the escalation's first reminder waits (a minute away).
    const pending = await service.orm.orm.em.fork().execute<{ topic: string }[]>('select topic from outbox where delivered_at is null');
    expect(pending.map((row) => row.topic)).toEqual([OutboxTopic.reminder]);
  } finally {
    await unsubscribe();
    await service.stop();
  }
});

it('an SMS provider that hangs does not hold up the next alert on the dashboards', async () => {
  received.length = 0;
  smsDelayMs = 3000;
  const pubsub = createPubSub();
  const alerts = new Map<string, number>();
  const unsubscribe = await pubsub.subscribe(Topic.crisisAlert(clinic), (event) => void alerts.set((event as { assessment: { id: string } }).assessment.id, Date.now()));
  const service = await startTestSubgraph(
    risk,
    { RISK_CONTACTS_FILE: contacts, SMS_BASE_URL: url, SMS_ACCOUNT_SID: 'AC123', SMS_AUTH_TOKEN: 'token', SMS_FROM: '+254700999999', RISK_RELAY_POLL_MS: '50' },
    { databaseUrl: database.url },
  );
  // A crisis as the service records it (privacy's answer given: the person shares with the clinic).
  const crisis = () =>
    recordAssessmentWithAlerts(
      service.orm.orm.em.fork(),
      { userId: person, messageId: randomUUID(), level: 'HIGH', score: 0.65, signals: [{ code: 'CSSRS_IDEATION', weight: 0.8, detail: 'test' }] },
      { sharingClinics: async () => [clinic], pubsub, logger: createLogger('test', 'silent'), escalation: { contacts: loadContacts(contacts), smsEnabled: true, reminderMs: { HIGH: 60_000, IMMINENT: 60_000 } } },
    );
  try {
    const first = await crisis();
    await until(() => (received.some((r) => r.path.endsWith('/Messages.json')) ? true : undefined)); // the first SMS is now hanging
    const second = await crisis();
    const committedAt = Date.now();
    const arrived = await until(() => alerts.get(second.id));
    expect(alerts.has(first.id)).toBe(true);
    expect(arrived - committedAt).toBeLessThan(1000);
    expect(received.find((r) => r.path.endsWith('/Messages.json'))!.answeredAt ?? Infinity).toBeGreaterThan(arrived); // it was still hanging
  } finally {
    smsDelayMs = 0;
    await unsubscribe();
    await service.stop();
  }
});
