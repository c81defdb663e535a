import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { identity } from '../src/server.js';
import { LOGIN, PASSWORD, REFRESH, claimsOf, person, registerPerson, totpCode, visitor } from './support.js';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(identity);
});
afterAll(() => subgraph.stop());

const ENROLL = 'mutation { enrollMfa { otpauthUri secret } }';
const CONFIRM = 'mutation($code: String!) { confirmMfa(code: $code) { recoveryCodes } }';
const login = (email: string, extra: Record<string, string> = {}) =>
  subgraph.request(visitor(), LOGIN, { input: { email, password: PASSWORD, ...extra } });

/** A person with MFA on; returns their secret and recovery codes. */
async function withMfa(email: string) {
  const { user } = await registerPerson(subgraph, email);
  const enrolled = (await subgraph.request(person(user.id), ENROLL)).data.enrollMfa;
  const confirmed = await subgraph.request(person(user.id), CONFIRM, { code: totpCode(enrolled.secret) });
  return { userId: user.id, secret: enrolled.secret as string, recoveryCodes: confirmed.data.confirmMfa.recoveryCodes as string[], enrolled };
}

describe('MFA with TOTP', () => {
  it('enrols with an otpauth URI and confirms with a code, handing out 10 recovery codes once', async () => {
    const { user } = await registerPerson(subgraph, 'enrol@example.test');
    const enrolled = (await subgraph.request(person(user.id), ENROLL)).data.enrollMfa;
    expect(enrolled.otpauthUri).toMatch(/^otpauth:\/\/totp\/Resona:enrol%40example\.test\?.*secret=/);
    const wrong = await subgraph.request(person(user.id), CONFIRM, { code: '000000' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await subgraph.request(person(user.id), '{ me { mfaEnabled } }')).data.me.mfaEnabled).toBe(false);
    const confirmed = await subgraph.request(person(user.id), CONFIRM, { code: totpCode(enrolled.secret) });
    expect(confirmed.data.confirmMfa.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.data.confirmMfa.recoveryCodes).size).toBe(10);
    expect((await subgraph.request(person(user.id), '{ me { mfaEnabled } }')).data.me.mfaEnabled).toBe(true);
    // Secret and codes are not stored in the clear.
    const rows = JSON.stringify(await subgraph.orm.orm.em.fork().getConnection().execute('select u.totp_secret, r.code_hash from identity.app_user u join identity.recovery_code r on r.user_id = u.id'));
    expect(rows).not.toContain(enrolled.secret);
    expect(rows).not.toContain(confirmed.data.confirmMfa.recoveryCodes[0]);
  });

  it('gives no tokens without a valid second factor', async () => {
    const { secret } = await withMfa('notokens@example.test');
    for (const extra of [{}, { totpCode: '123456' }, { recoveryCode: 'aaaaa-bbbbb-ccccc-ddddd' }] as Record<string, string>[]) {
      const result = await login('notokens@example.test', extra);
      expect(result.data).toBeNull();
      expect(JSON.stringify(result)).not.toContain('accessToken');
    }
    expect(secret).toBeTruthy();
  });

  it('answers MFA_REQUIRED when the account has MFA and no valid code is given', async () => {
    await withMfa('required@example.test');
    expect((await login('required@example.test')).errors?.[0]?.extensions?.code).toBe('MFA_REQUIRED');
    expect((await login('required@example.test', { totpCode: '123456' })).errors?.[0]?.extensions?.code).toBe('MFA_REQUIRED');
  });

  it('signs in with a code (mfa: true), keeps mfa on refresh, and never accepts a code twice', async () => {
    const { secret } = await withMfa('code@example.test');
    const code = totpCode(secret, 1); // the confirmation used this period's code
    const ok = await login('code@example.test', { totpCode: code });
    expect(claimsOf(ok.data.login.accessToken).mfa).toBe(true);
    const refreshed = await subgraph.request(visitor(), REFRESH, { token: ok.data.login.refreshToken });
    expect(claimsOf(refreshed.data.refreshSession.accessToken).mfa).toBe(true);
    const replayed = await login('code@example.test', { totpCode: code });
    expect(replayed.data).toBeNull();
    // A login without MFA gives mfa: false.
    const { user } = await registerPerson(subgraph, 'plain@example.test');
    const plain = await login('plain@example.test');
    expect(plain.data.login.user.id).toBe(user.id);
    expect(claimsOf(plain.data.login.accessToken).mfa).toBe(false);
  });

  it('accepts each recovery code once', async () => {
    const { recoveryCodes } = await withMfa('recovery@example.test');
    const first = await login('recovery@example.test', { recoveryCode: recoveryCodes[0]!.toUpperCase() });
    expect(claimsOf(first.data.login.accessToken).mfa).toBe(true);
    expect((await login('recovery@example.test', { recoveryCode: recoveryCodes[0]! })).data).toBeNull();
    expect((await login('recovery@example.test', { recoveryCode: recoveryCodes[1]! })).data.login.accessToken).toBeTruthy();
  });

  it('turns MFA off only with a valid code', async () => {
    const { userId, recoveryCodes } = await withMfa('disable@example.test');
    const DISABLE = 'mutation($code: String!) { disableMfa(code: $code) }';
    expect((await subgraph.request(person(userId), DISABLE, { code: '000000' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await subgraph.request(person(userId), DISABLE, { code: recoveryCodes[3] })).data.disableMfa).toBe(true);
    expect((await subgraph.request(person(userId), '{ me { mfaEnabled } }')).data.me.mfaEnabled).toBe(false);
    expect(claimsOf((await login('disable@example.test')).data.login.accessToken).mfa).toBe(false);
  });

  it('refuses MFA changes to public callers', async () => {
    for (const query of [ENROLL, 'mutation { confirmMfa(code: "1") { recoveryCodes } }', 'mutation { disableMfa(code: "1") }']) {
      expect((await subgraph.request(visitor(), query)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
