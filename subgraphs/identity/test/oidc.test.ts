import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Provider from 'oidc-provider';
import { startTestSubgraph, type TestSubgraph } from '@resona/testing';
import { identity } from '../src/server.js';
import { LOGIN, PASSWORD, claimsOf, person, registerPerson, totpCode, visitor } from './support.js';

const REDIRECT_URI = 'http://127.0.0.1:4000/oidc/callback';
const CLIENT = { client_id: 'resona', client_secret: 'a-test-client-secret-that-is-long-enough' };
/** The provider's people: `login` is the subject; the password is ignored by devInteractions. */
const PEOPLE: Record<string, { email: string; email_verified: boolean; name: string }> = {
  'new-person': { email: 'social@example.test', email_verified: true, name: 'Zawadi' },
  'verified-owner': { email: 'owner@example.test', email_verified: true, name: 'Owner' },
  'unverified-claimer': { email: 'victim@example.test', email_verified: false, name: 'Mallory' },
  'mfa-person': { email: 'mfa-social@example.test', email_verified: true, name: 'Careful' },
};

let providerServer: http.Server;
let subgraph: TestSubgraph;
beforeAll(async () => {
  providerServer = http.createServer();
  await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ ...CLIENT, redirect_uris: [REDIRECT_URI], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-cookie-key'] },
    ttl: { Session: 600, Grant: 600, Interaction: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx, sub) => (PEOPLE[sub] ? { accountId: sub, claims: () => ({ sub, ...PEOPLE[sub] }) } : undefined),
  });
  providerServer.on('request', provider.callback());
  subgraph = await startTestSubgraph(identity, {
    OIDC_ISSUER_URL: issuer,
    OIDC_CLIENT_ID: CLIENT.client_id,
    OIDC_CLIENT_SECRET: CLIENT.client_secret,
    OIDC_REDIRECT_URI: REDIRECT_URI,
  });
});
afterAll(async () => {
  await subgraph.stop();
  providerServer.closeAllConnections();
  await new Promise((resolve) => providerServer.close(resolve));
});

/** Drives the provider like a browser: login and consent forms of devInteractions, cookies kept. */
async function signInAtProvider(url: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let next = new URL(url);
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(next, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!, value.join('='));
    }
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      next = new URL(location, next);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    if (!form) throw new Error(`the provider answered ${response.status} without a form: ${html.slice(0, 500)}`);
    body = new URLSearchParams();
    for (const [input] of form[2]!.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(input)?.[1];
      if (name) body.set(name, /value="([^"]*)"/.exec(input)?.[1] ?? '');
    }
    if (body.has('login')) body.set('login', login);
    if (body.has('password')) body.set('password', 'any');
    next = new URL(form[1]!, next);
  }
  throw new Error('too many redirects at the provider');
}

const START = '{ oidcAuthorizationUrl { url state } }';
const COMPLETE = 'mutation($code: String!, $state: String!, $totp: String) { completeOidcLogin(code: $code, state: $state, totpCode: $totp) { accessToken user { id email emailVerified } } }';

async function socialLogin(login: string, totp?: string) {
  const start = (await subgraph.request(visitor(), START)).data.oidcAuthorizationUrl;
  const url = new URL(start.url);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('nonce')).toBeTruthy();
  const callback = await signInAtProvider(start.url, login);
  expect(callback.searchParams.get('state')).toBe(start.state);
  const code = callback.searchParams.get('code')!;
  return { code, state: start.state as string, result: await subgraph.request(visitor(), COMPLETE, { code, state: start.state, totp }) };
}

describe('social login with OpenID Connect', () => {
  it('creates a patient account for a new person, and signs the same person in again', async () => {
    const { result, code, state } = await socialLogin('new-person');
    expect(result.errors).toBeUndefined();
    expect(result.data.completeOidcLogin.user).toMatchObject({ email: 'social@example.test', emailVerified: true });
    const again = await socialLogin('new-person');
    expect(again.result.data.completeOidcLogin.user.id).toBe(result.data.completeOidcLogin.user.id);
    // A state (and its code) works once.
    expect((await subgraph.request(visitor(), COMPLETE, { code, state })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('links an existing account when the provider verified the email', async () => {
    const { user } = await registerPerson(subgraph, 'owner@example.test');
    const { result } = await socialLogin('verified-owner');
    expect(result.data.completeOidcLogin.user.id).toBe(user.id);
  });

  it('refuses to link an existing account on an unverified email', async () => {
    await registerPerson(subgraph, 'victim@example.test');
    const { result } = await socialLogin('unverified-claimer');
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an unknown state and a forged code', async () => {
    const unknown = await subgraph.request(visitor(), COMPLETE, { code: 'x', state: 'not-a-state' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const start = (await subgraph.request(visitor(), START)).data.oidcAuthorizationUrl;
    const forged = await subgraph.request(visitor(), COMPLETE, { code: 'forged-code', state: start.state });
    expect(forged.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('asks for the second factor of an account with MFA, then finishes with the same state', async () => {
    const { user } = await registerPerson(subgraph, 'mfa-social@example.test');
    const secret = (await subgraph.request(person(user.id), 'mutation { enrollMfa { secret } }')).data.enrollMfa.secret;
    await subgraph.request(person(user.id), 'mutation($c: String!) { confirmMfa(code: $c) { recoveryCodes } }', { c: totpCode(secret) });
    const { result, code, state } = await socialLogin('mfa-person');
    expect(result.data).toBeNull();
    const finished = await subgraph.request(visitor(), COMPLETE, { code, state, totp: totpCode(secret, 1) });
    expect(finished.data.completeOidcLogin.user.id).toBe(user.id);
    expect(claimsOf(finished.data.completeOidcLogin.accessToken).mfa).toBe(true);
    expect(await subgraph.request(visitor(), LOGIN, { input: { email: 'mfa-social@example.test', password: PASSWORD } })).toMatchObject({ data: null });
  });
});
