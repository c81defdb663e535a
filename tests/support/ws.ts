import { anonymousPrincipal, importPrivateKey, signAccessToken, signInternalToken, type Role } from '@resona/auth';
import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { AnyTestStack as TestStack } from './stack.js';

export const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

/** A graphql-ws client of the gateway, authenticated with `authorization` in connection_init. */
export function dashboard(stack: TestStack, authorization?: string): Client {
  return createClient({
    url: wsUrl(stack.gatewayUrl),
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects a subscription's results as they come, with a way to wait for the next one. */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: ExecutionResult<T>[] = [];
  const waiters: (() => void)[] = [];
  let completed = false;
  let failure: unknown;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        results.push(result as ExecutionResult<T>);
        waiters.splice(0).forEach((w) => w());
      },
      error: (error) => {
        failure = error;
        completed = true;
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => {
        completed = true;
        waiters.splice(0).forEach((w) => w());
      },
    },
  );
  return {
    results,
    get completed() {
      return completed;
    },
    get failure() {
      return failure;
    },
    dispose,
    /** Resolves when `predicate` holds, or rejects after `timeoutMs`. */
    async until(predicate: () => boolean, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out; results so far: ${JSON.stringify(results)}; completed=${completed}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

/** An access token signed with the stack's key, as identity would sign it (e.g. with MFA done). */
export async function accessToken(stack: TestStack, claims: { userId: string; roles: Role[]; clinicId: string | null; mfa?: boolean; sessionId?: string }, ttlSeconds?: number) {
  const key = await importPrivateKey(stack.keys.access.privateKeyPem);
  return signAccessToken(key, { sessionId: claims.sessionId ?? 'test-session', ...claims }, ttlSeconds);
}

/** The claims of a JWT, unverified (to read who a login returned). */
export const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, any>;

/** Calls a subgraph directly as Resona itself (the way conversation will call risk and emotion). */
export async function asServiceAt(stack: TestStack, subgraph: string, query: string, variables: Record<string, unknown>) {
  const token = await signInternalToken(await importPrivateKey(stack.keys.internal.privateKeyPem), anonymousPrincipal({ kind: 'service' }));
  const response = await fetch(stack.subgraphUrls[subgraph]!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`${subgraph} refused: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A raw WebSocket to the gateway and a promise of its close code and reason. */
export function rawSocket(stack: TestStack, protocol: string | null = 'graphql-transport-ws') {
  const socket = protocol ? new WebSocket(wsUrl(stack.gatewayUrl), protocol) : new WebSocket(wsUrl(stack.gatewayUrl));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
  return { socket, opened, closed, messages, send: (message: unknown) => socket.send(JSON.stringify(message)) };
}
