import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { identity } from '../src/server.js';
import { LOGIN, PASSWORD, REFRESH, person, registerPerson, startMailServer, tokenIn, visitor } from './support.js';

let mail: Awaited<ReturnType<typeof startMailServer>>;
let subgraph: TestSubgraph;
beforeAll(async () => {
  mail = await startMailServer();
  subgraph = await startTestSubgraph(identity, { SMTP_URL: mail.url, PUBLIC_APP_URL: 'https://app.resona.test/' });
});
afterAll(async () => {
  await subgraph.stop();
  await mail.close();
});

const VERIFIED = '{ me { emailVerified } }';

describe('email verification', () => {
  it('mails a single-use link at registration that verifies the email', async () => {
    const { user } = await registerPerson(subgraph, 'verify@example.test');
    expect((await subgraph.request(person(user.id), VERIFIED)).data.me.emailVerified).toBe(false);
    const received = await mail.waitFor('verify@example.test', /Confirm your email/);
    expect(received.text).toContain('https://app.resona.test/verify-email?token=');
    const token = tokenIn(received);
    const verified = await subgraph.request(visitor(), 'mutation($t: String!) { verifyEmail(token: $t) }', { t: token });
    expect(verified.data.verifyEmail).toBe(true);
    expect((await subgraph.request(person(user.id), VERIFIED)).data.me.emailVerified).toBe(true);
    const again = await subgraph.request(visitor(), 'mutation($t: String!) { verifyEmail(token: $t) }', { t: token });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    // The token is stored only as its hash.
    const stored = await subgraph.orm.orm.em.fork().getConnection().execute('select token_hash from identity.one_time_token');
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('sends a new link on request, and refuses one when already verified', async () => {
    const { user } = await registerPerson(subgraph, 'again@example.test');
    const before = mail.mails.length;
    const requested = await subgraph.request(person(user.id), 'mutation { requestEmailVerification }');
    expect(requested.data.requestEmailVerification).toBe(true);
    const token = tokenIn(await mail.waitFor('again@example.test', /Confirm your email/, before));
    await subgraph.request(visitor(), 'mutation($t: String!) { verifyEmail(token: $t) }', { t: token });
    const refused = await subgraph.request(person(user.id), 'mutation { requestEmailVerification }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await subgraph.request(visitor(), 'mutation { requestEmailVerification }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('password reset', () => {
  const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';

  it('answers true for unknown and known emails alike, mails only the account, and the link resets once', async () => {
    const session = await registerPerson(subgraph, 'reset@example.test');
    const before = mail.mails.length;
    const unknown = await subgraph.request(visitor(), 'mutation { requestPasswordReset(email: "nobody@example.test") }');
    const known = await subgraph.request(visitor(), 'mutation { requestPasswordReset(email: "Reset@Example.test") }');
    expect(unknown).toEqual(known);
    expect(known.data).toEqual({ requestPasswordReset: true });
    const token = tokenIn(await mail.waitFor('reset@example.test', /Reset your Resona password/, before));
    expect(mail.mails.slice(before).some((m) => m.to === 'nobody@example.test')).toBe(false);

    const weak = await subgraph.request(visitor(), RESET, { t: token, p: 'short' });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const reset = await subgraph.request(visitor(), RESET, { t: token, p: 'a brand new passphrase' });
    expect(reset.data.resetPassword).toBe(true);
    const reused = await subgraph.request(visitor(), RESET, { t: token, p: 'another new passphrase' });
    expect(reused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // Every session ended; the old password no longer works, the new one does.
    const refreshed = await subgraph.request(visitor(), REFRESH, { token: session.refreshToken });
    expect(refreshed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const old = await subgraph.request(visitor(), LOGIN, { input: { email: 'reset@example.test', password: PASSWORD } });
    expect(old.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await subgraph.request(visitor(), LOGIN, { input: { email: 'reset@example.test', password: 'a brand new passphrase' } });
    expect(fresh.data.login.user.id).toBe(session.user.id);
  });

  it('refuses an unknown token', async () => {
    const result = await subgraph.request(visitor(), RESET, { t: 'not-a-token', p: 'a brand new passphrase' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });
});

describe('logoutEverywhere', () => {
  it('revokes every session of the caller and no one else', async () => {
    const first = await registerPerson(subgraph, 'everywhere@example.test');
    const second = (await subgraph.request(visitor(), LOGIN, { input: { email: 'everywhere@example.test', password: PASSWORD } })).data.login;
    const other = await registerPerson(subgraph, 'bystander@example.test');
    expect((await subgraph.request(visitor(), 'mutation { logoutEverywhere }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const result = await subgraph.request(person(first.user.id), 'mutation { logoutEverywhere }');
    expect(result.data.logoutEverywhere).toBe(true);
    for (const token of [first.refreshToken, second.refreshToken]) {
      expect((await subgraph.request(visitor(), REFRESH, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await subgraph.request(visitor(), REFRESH, { token: other.refreshToken })).data.refreshSession.accessToken).toBeTruthy();
  });
});
