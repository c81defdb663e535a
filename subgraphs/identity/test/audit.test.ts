import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyAllChains } from '@resona/audit';
import { Topic, createPubSub } from '@resona/pubsub';
import { startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { identity } from '../src/server.js';
import { sha256 } from '../src/domain/secrets.js';
import { LOGIN, PASSWORD, REFRESH, claimsOf, clinicWithAdmin, person, registerPerson, startMailServer, tokenIn, totpCode, visitor } from './support.js';

let mail: Awaited<ReturnType<typeof startMailServer>>;
let subgraph: TestSubgraph;
beforeAll(async () => {
  mail = await startMailServer();
  subgraph = await startTestSubgraph(identity, { SMTP_URL: mail.url });
});
afterAll(async () => {
  await subgraph.stop();
  await mail.close();
});

interface AuditRow {
  id: string;
  action: string;
  actor_kind: string;
  actor_id: string | null;
  actor_clinic_id: string | null;
  subject_user_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  ip: string | null;
  request_id: string | null;
  detail: Record<string, unknown> | null;
}

const sql = <T extends object[]>(query: string, params: unknown[] = []) => subgraph.orm.orm.em.fork().getConnection().execute<T>(query, params);
const auditRows = () => sql<AuditRow[]>('select * from identity.audit_log order by id');
const lastId = async () => (await sql<{ id: string | null }[]>('select max(id)::text as id from identity.audit_log'))[0]!.id ?? '0';
const rowsSince = async (id: string) => (await auditRows()).filter((row) => BigInt(row.id) > BigInt(id));

async function expectChainOk() {
  const reports = await verifyAllChains(subgraph.config.DATABASE_URL);
  const mine = reports.find((r) => r.schema === 'identity');
  expect(mine).toMatchObject({ ok: true });
  return mine!;
}

const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const ENROLL = 'mutation { enrollMfa { secret } }';
const CONFIRM = 'mutation($code: String!) { confirmMfa(code: $code) { recoveryCodes } }';
const DISABLE = 'mutation($code: String!) { disableMfa(code: $code) }';

/** Collects what is published on `session-revoked:<id>` for the given sessions, through the process's shared bus. */
async function listen(sessionIds: string[]) {
  const bus = createPubSub();
  const heard: { sessionId: string; payload: unknown }[] = [];
  const stops = await Promise.all(sessionIds.map((id) => bus.subscribe(Topic.sessionRevoked(id), (payload) => heard.push({ sessionId: id, payload }))));
  return { heard, stop: () => Promise.all(stops.map((stop) => stop())) };
}
const sidOf = (accessToken: string) => claimsOf(accessToken).sid as string;

async function resetPassword(email: string, newPassword: string) {
  const before = mail.mails.length;
  await subgraph.request(visitor(), 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: email });
  const token = tokenIn(await mail.waitFor(email, /Reset your Resona password/, before));
  return { token, result: await subgraph.request(visitor(), RESET, { t: token, p: newPassword }) };
}

describe('audit log of sensitive changes', () => {
  it('records clinic creation, invitations sent and accepted, and the role granted, as who did them', async () => {
    const from = await lastId();
    const clinic = await clinicWithAdmin(subgraph, mail, 'audit-head@clinic.test');
    const rows = await rowsSince(from);
    expect(rows.map((r) => r.action)).toEqual(['CLINIC_CREATED', 'INVITATION_SENT', 'INVITATION_ACCEPTED', 'ROLES_CHANGED']);
    const [created, sent, accepted, roles] = rows as [AuditRow, AuditRow, AuditRow, AuditRow];
    expect(created).toMatchObject({ actor_kind: 'user', actor_id: '00000000-0000-4000-8000-000000000001', resource_type: 'Clinic', resource_id: clinic.clinicId, detail: { name: 'Kisumu Wellness' } });
    expect(sent).toMatchObject({ resource_type: 'Clinic', resource_id: clinic.clinicId, detail: { role: 'CLINIC_ADMIN', emailHash: sha256('audit-head@clinic.test') } });
    // The address itself never enters the (unerasable) log.
    expect(JSON.stringify(rows)).not.toContain('audit-head@clinic.test');
    expect(accepted).toMatchObject({ actor_kind: 'anonymous', subject_user_id: clinic.userId, detail: { clinicId: clinic.clinicId, role: 'CLINIC_ADMIN' } });
    expect(roles).toMatchObject({ subject_user_id: clinic.userId, resource_type: 'User', detail: { from: [], to: ['CLINIC_ADMIN'], clinicId: clinic.clinicId } });
    await expectChainOk();
  });

  it('records API keys created, rotated and revoked, with the acting clinic admin', async () => {
    const clinic = await clinicWithAdmin(subgraph, mail, 'audit-keys@clinic.test');
    const from = await lastId();
    const created = await subgraph.request(clinic.principal, 'mutation { createApiKey(input: { name: "EMR", scopes: [RISK_READ] }) { secret apiKey { id } } }');
    const id = created.data.createApiKey.apiKey.id as string;
    await subgraph.request(clinic.principal, 'mutation($id: ID!) { rotateApiKey(id: $id) { secret } }', { id });
    await subgraph.request(clinic.principal, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id });
    await subgraph.request(clinic.principal, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id }); // already revoked: no record
    const rows = await rowsSince(from);
    expect(rows.map((r) => r.action)).toEqual(['API_KEY_CREATED', 'API_KEY_ROTATED', 'API_KEY_REVOKED']);
    for (const row of rows) {
      expect(row).toMatchObject({ actor_id: clinic.userId, actor_clinic_id: clinic.clinicId, resource_type: 'ApiKey', resource_id: id, detail: { clinicId: clinic.clinicId, name: 'EMR', scopes: ['risk:read'] } });
    }
    // Never the secret.
    expect(JSON.stringify(rows)).not.toContain(created.data.createApiKey.secret);
    await expectChainOk();
  });

  it('records MFA turned on and off', async () => {
    const { user } = await registerPerson(subgraph, 'audit-mfa@example.test');
    const from = await lastId();
    const { secret } = (await subgraph.request(person(user.id), ENROLL)).data.enrollMfa;
    expect((await subgraph.request(person(user.id), CONFIRM, { code: '000000' })).errors).toBeDefined(); // a wrong code changes nothing
    expect(await rowsSince(from)).toEqual([]);
    const { recoveryCodes } = (await subgraph.request(person(user.id), CONFIRM, { code: totpCode(secret) })).data.confirmMfa;
    await subgraph.request(person(user.id), DISABLE, { code: recoveryCodes[0] });
    const rows = await rowsSince(from);
    expect(rows.map((r) => r.action)).toEqual(['MFA_ENABLED', 'MFA_DISABLED']);
    for (const row of rows) expect(row).toMatchObject({ actor_kind: 'user', actor_id: user.id, subject_user_id: user.id, ip: '127.0.0.1', request_id: 'test' });
    await expectChainOk();
  });

  it('records a password reset once, in the same transaction as the reset', async () => {
    const { user } = await registerPerson(subgraph, 'audit-reset@example.test');
    const from = await lastId();
    const { token, result } = await resetPassword('audit-reset@example.test', 'a brand new passphrase');
    expect(result.data.resetPassword).toBe(true);
    // The same link again fails, and leaves no record.
    expect((await subgraph.request(visitor(), RESET, { t: token, p: 'another new passphrase' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const rows = await rowsSince(from);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'PASSWORD_RESET', actor_kind: 'anonymous', subject_user_id: user.id, resource_type: 'User', resource_id: user.id, detail: { sessionsEnded: 1 } });
    await expectChainOk();
  });

  it('keeps a chain that verifies, and refuses to change or delete records', async () => {
    const report = await expectChainOk();
    expect(report.records).toBe((await auditRows()).length);
    await expect(sql("update identity.audit_log set action = 'X'")).rejects.toThrow(/append-only/);
    await expect(sql('delete from identity.audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('session-revoked events', () => {
  it('announces the session ended by logout, once', async () => {
    const session = await registerPerson(subgraph, 'events-logout@example.test');
    const other = await subgraph.request(visitor(), LOGIN, { input: { email: 'events-logout@example.test', password: PASSWORD } });
    const ears = await listen([sidOf(session.accessToken), sidOf(other.data.login.accessToken)]);
    await subgraph.request(visitor(), 'mutation($t: String!) { logout(refreshToken: $t) }', { t: session.refreshToken });
    await subgraph.request(visitor(), 'mutation($t: String!) { logout(refreshToken: $t) }', { t: session.refreshToken });
    await ears.stop();
    expect(ears.heard).toEqual([{ sessionId: sidOf(session.accessToken), payload: { userId: session.user.id } }]);
  });

  it('announces every session ended by logoutEverywhere', async () => {
    const first = await registerPerson(subgraph, 'events-all@example.test');
    const second = (await subgraph.request(visitor(), LOGIN, { input: { email: 'events-all@example.test', password: PASSWORD } })).data.login;
    // A refreshed session keeps its id: one event for it, not one per token.
    const refreshed = (await subgraph.request(visitor(), REFRESH, { token: second.refreshToken })).data.refreshSession;
    expect(sidOf(refreshed.accessToken)).toBe(sidOf(second.accessToken));
    const stranger = await registerPerson(subgraph, 'events-stranger@example.test');
    const ears = await listen([sidOf(first.accessToken), sidOf(second.accessToken), sidOf(stranger.accessToken)]);
    expect((await subgraph.request(person(first.user.id), 'mutation { logoutEverywhere }')).data.logoutEverywhere).toBe(true);
    await ears.stop();
    const userId = first.user.id;
    expect(ears.heard).toHaveLength(2);
    expect(ears.heard).toEqual(
      expect.arrayContaining([
        { sessionId: sidOf(first.accessToken), payload: { userId } },
        { sessionId: sidOf(second.accessToken), payload: { userId } },
      ]),
    );
  });

  it('announces every session ended by a password reset', async () => {
    const first = await registerPerson(subgraph, 'events-reset@example.test');
    const second = (await subgraph.request(visitor(), LOGIN, { input: { email: 'events-reset@example.test', password: PASSWORD } })).data.login;
    const ears = await listen([sidOf(first.accessToken), sidOf(second.accessToken)]);
    expect((await resetPassword('events-reset@example.test', 'a brand new passphrase')).result.data.resetPassword).toBe(true);
    await ears.stop();
    expect(ears.heard.map((h) => h.sessionId).sort()).toEqual([sidOf(first.accessToken), sidOf(second.accessToken)].sort());
    expect(ears.heard.every((h) => JSON.stringify(h.payload) === JSON.stringify({ userId: first.user.id }))).toBe(true);
  });

  it('announces the session revoked when a refresh token is replayed', async () => {
    const session = await registerPerson(subgraph, 'events-replay@example.test');
    const sid = sidOf(session.accessToken);
    const ears = await listen([sid]);
    await subgraph.request(visitor(), REFRESH, { token: session.refreshToken });
    expect(ears.heard).toEqual([]); // an ordinary refresh ends nothing
    const replay = await subgraph.request(visitor(), REFRESH, { token: session.refreshToken });
    expect(replay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await ears.stop();
    expect(ears.heard).toEqual([{ sessionId: sid, payload: { userId: session.user.id } }]);
  });
});
