/**
 * `pnpm bench:subscriptions`: N concurrent `crisisAlerts` subscribers on one gateway process, each
 * its own WebSocket (graphql-ws, `lazy: false`) authenticated as the Nairobi demo clinician with
 * MFA, selecting fields of risk and identity. Prints connect time, the process's memory per idle
 * subscription, and, for E alerts raised through risk, delivery latency from publish to receipt,
 * deliveries/s and missed deliveries.
 *
 * Starts its own stack (embedded PostgreSQL under `.data/bench`, or `DATABASE_URL`) with the demo
 * data and rate limits raised. The sockets live in worker processes (this file, forked), so the
 * stack's event loop only serves the gateway side. Each socket is one file descriptor in the
 * stack process and one in a worker: for more than ~`ulimit -n` subscribers raise it first
 * (`ulimit -n 65536`).
 *
 * Options (env): BENCH_SUBSCRIBERS (default 5000), BENCH_EVENTS (default 20), BENCH_EVENT_INTERVAL_MS
 * (default 200), BENCH_WORKERS (default 2), BENCH_CONNECT_CONCURRENCY (sockets being opened at once
 * per worker, default 100), BENCH_DELIVERY_TIMEOUT_MS (how long after the last publish deliveries may
 * still arrive, default 120000; also bounds the wait for idle after connecting).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

const ALERTS = `subscription($clinicId: ID!) { crisisAlerts(clinicId: $clinicId) { id createdAt assessment { level user { displayName } } } }`;
const RECORD_ASSESSMENT = `mutation($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { id level } }`;
const DEMO_PASSWORD = 'Resona-demo-2026';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on this machine. */
const now = () => performance.timeOrigin + performance.now();

// Messages between the bench and its subscriber workers.
type ToWorker =
  | { type: 'connect'; url: string; authorization: string; clinicId: string; count: number; concurrency: number }
  | { type: 'progress' }
  | { type: 'report' }
  | { type: 'stop' };
type FromWorker =
  | { type: 'connected'; connectMs: number[]; failures: number; firstFailure?: string }
  | { type: 'progress'; received: number; errors: number; ended: number }
  | { type: 'report'; receipts: Record<string, number[]>; errors: number; firstError?: string; ended: number; wrongPayload: number };

if (process.env.BENCH_ROLE === 'subscriber-worker') await worker();
else await bench();

// ---------------------------------------------------------------------------------------------
// The load generator: a process holding its share of the sockets.

async function worker() {
  const { createClient } = await import('graphql-ws');
  const { default: WebSocket } = await import('ws');
  type Client = ReturnType<typeof createClient>;
  const clients: Client[] = [];
  const receipts: Record<string, number[]> = {};
  let received = 0;
  let errors = 0;
  let firstError: string | undefined;
  let ended = 0;
  let wrongPayload = 0;
  const send = (message: FromWorker) => process.send!(message);

  async function open(url: string, authorization: string, clinicId: string): Promise<number> {
    const started = now();
    return new Promise<number>((resolve, reject) => {
      let acked = false;
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: 0,
        connectionParams: { authorization },
        onNonLazyError: () => {},
        on: {
          connected: () => {
            acked = true;
            resolve(now() - started);
            client.subscribe<{ crisisAlerts: { id: string; createdAt: string; assessment: { level: string; user: { displayName: string } | null } } }>(
              { query: ALERTS, variables: { clinicId } },
              {
                next: (result) => {
                  const at = now();
                  if (result.errors?.length) {
                    errors++;
                    firstError ??= JSON.stringify(result.errors);
                  }
                  const alert = result.data?.crisisAlerts;
                  if (!alert) return;
                  if (alert.assessment.level !== 'IMMINENT' || !alert.assessment.user?.displayName) wrongPayload++;
                  (receipts[alert.createdAt] ??= []).push(at);
                  received++;
                },
                error: (error) => {
                  errors++;
                  ended++;
                  firstError ??= error instanceof Error ? error.message : JSON.stringify(error);
                },
                complete: () => void ended++,
              },
            );
          },
          closed: (event) => {
            if (!acked) {
              const { code, reason } = event as { code?: number; reason?: string };
              reject(new Error(`closed before ack: ${code ?? ''} ${reason ?? ''}`.trim()));
            }
          },
          error: (error) => {
            if (!acked) reject(error instanceof Error ? error : new Error(String((error as { message?: string }).message ?? 'socket error')));
          },
        },
      });
      clients.push(client);
    });
  }

  process.on('message', async (message: ToWorker) => {
    switch (message.type) {
      case 'connect': {
        const connectMs: number[] = [];
        let failures = 0;
        let firstFailure: string | undefined;
        let next = 0;
        // `concurrency` sockets in flight at once: each lane opens its next socket when one is acked.
        const lane = async () => {
          while (next < message.count) {
            next++;
            try {
              connectMs.push(await open(message.url, message.authorization, message.clinicId));
            } catch (error) {
              failures++;
              firstFailure ??= (error as Error).message;
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(message.concurrency, message.count) }, lane));
        send({ type: 'connected', connectMs, failures, firstFailure });
        break;
      }
      case 'progress':
        send({ type: 'progress', received, errors, ended });
        break;
      case 'report':
        send({ type: 'report', receipts, errors, firstError, ended, wrongPayload });
        break;
      case 'stop':
        await Promise.all(clients.map((c) => c.dispose()));
        process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// The bench: the stack (gateway and subgraphs, one process), the workers, the events, the figures.

async function bench() {
  const { anonymousPrincipal, importPrivateKey, pemFromConfig, signAccessToken, signInternalToken } = await import('@resona/auth');
  const { parseConfig, z } = await import('@resona/config');
  const { BENCH_DATA_DIR, postGraphQL: post, startBenchStack } = await import('./stack.js');

  const settings = parseConfig(
    z.object({
      DATABASE_URL: z.string().optional(),
      BENCH_SUBSCRIBERS: z.coerce.number().int().positive().default(5000),
      BENCH_EVENTS: z.coerce.number().int().positive().default(20),
      BENCH_EVENT_INTERVAL_MS: z.coerce.number().int().nonnegative().default(200),
      BENCH_WORKERS: z.coerce.number().int().positive().default(2),
      BENCH_CONNECT_CONCURRENCY: z.coerce.number().int().positive().default(100),
      BENCH_DELIVERY_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
    }),
  );
  const N = settings.BENCH_SUBSCRIBERS;
  const E = settings.BENCH_EVENTS;

  // The stack process holds one descriptor per socket; say so up front rather than fail midway.
  const { execSync } = await import('node:child_process');
  const fdLimit = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim());
  if (Number.isFinite(fdLimit) && fdLimit < N + 1000) {
    console.error(`ulimit -n is ${fdLimit}, too low for ${N} sockets; raise it (e.g. \`ulimit -n 65536\`) or lower BENCH_SUBSCRIBERS.`);
    process.exit(1);
  }

  // A collectable heap, so "memory per idle subscription" is live memory, not garbage not yet collected.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 100));
    }
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heapUsed };
  };

  const dataDir = BENCH_DATA_DIR;
  const stack = await startBenchStack(settings.DATABASE_URL);
  const workers: ChildProcess[] = [];
  const loginAs = async (email: string) => {
    const result = await post(stack.gatewayUrl, {
      query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken user { id } } }',
      variables: { input: { email, password: DEMO_PASSWORD } },
    });
    if (result.errors) throw new Error(`login ${email} failed: ${JSON.stringify(result.errors)}`);
    return result.data.login as { accessToken: string; user: { id: string } };
  };
  const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, any>;

  /** Sends `message` to every worker and gathers one answer of `type` from each. */
  const ask = <T extends FromWorker['type']>(message: ToWorker | ((index: number) => ToWorker), type: T) =>
    Promise.all(
      workers.map(
        (w, i) =>
          new Promise<Extract<FromWorker, { type: T }>>((resolve, reject) => {
            const onMessage = (answer: FromWorker) => {
              if (answer.type !== type) return;
              w.off('message', onMessage);
              w.off('exit', onExit);
              resolve(answer as Extract<FromWorker, { type: T }>);
            };
            const onExit = (code: number | null) => reject(new Error(`subscriber worker ${i} exited (${code}) while waiting for ${type}`));
            w.on('message', onMessage);
            w.once('exit', onExit);
            w.send(typeof message === 'function' ? message(i) : message);
          }),
      ),
    );
  /** Resolves when the event loop of this (the stack's) process was under 5% busy for two half-second windows in a row. */
  const untilQuiet = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 2 && Date.now() < deadline) {
      const start = performance.eventLoopUtilization();
      await new Promise((r) => setTimeout(r, 500));
      quiet = performance.eventLoopUtilization(start).utilization < 0.05 ? quiet + 1 : 0;
    }
  };
  const totalReceived = async () => (await ask({ type: 'progress' }, 'progress')).reduce((n, p) => n + p.received, 0);

  try {
    // Who subscribes: the Nairobi clinician, with MFA done (the demo accounts have no authenticator).
    const clinicianLogin = await loginAs('clinician@demo.resona.test');
    const claims = claimsOf(clinicianLogin.accessToken);
    const accessKey = await importPrivateKey(pemFromConfig(undefined, { dataDir, name: 'access-token', part: 'private' }));
    const clinicianToken = await signAccessToken(
      accessKey,
      { userId: claims.sub, roles: claims.roles, clinicId: claims.clinicId, sessionId: String(claims.sid ?? 'bench-session'), mfa: true },
      60 * 60,
    );
    const clinicId = claims.clinicId as string;
    const patient = await loginAs('patient1@demo.resona.test');
    const internalKey = await importPrivateKey(pemFromConfig(undefined, { dataDir, name: 'internal-token', part: 'private' }));
    const riskUrl = stack.subgraphs.risk!.running.url;
    /**
     * Raises one crisis alert for the Nairobi clinic through risk, as Resona itself. `publishedAt` is
     * the time just before the call; a refused call (e.g. risk timing out while the process is busy
     * fanning out the previous event) is reported, not thrown.
     */
    const raiseAlert = async (): Promise<{ publishedAt: number; error?: string }> => {
      const token = await signInternalToken(internalKey, anonymousPrincipal({ kind: 'service' }));
      const body = {
        query: RECORD_ASSESSMENT,
        variables: { input: { userId: patient.user.id, level: 'IMMINENT', score: 0.97, signals: [{ code: 'BENCH_SIGNAL', weight: 1, detail: 'raised by bench:subscriptions' }] } },
      };
      const publishedAt = now();
      try {
        const result = await post(riskUrl, body, token);
        return result.errors ? { publishedAt, error: JSON.stringify(result.errors) } : { publishedAt };
      } catch (error) {
        return { publishedAt, error: (error as Error).message };
      }
    };
    const progress = (message: string) => console.error(`[bench:subscriptions] ${message}`);

    // The workers, each with its share of the sockets.
    const workerCount = Math.min(settings.BENCH_WORKERS, N);
    for (let i = 0; i < workerCount; i++) {
      workers.push(fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_ROLE: 'subscriber-worker' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    }

    const before = await settle();

    // Connect: every socket opened and acknowledged (each subscribes as soon as it is acknowledged).
    const connectStarted = now();
    const connected = await ask(
      (i) => ({
        type: 'connect',
        url: stack.gatewayUrl.replace(/^http/, 'ws'),
        authorization: `Bearer ${clinicianToken}`,
        clinicId,
        count: Math.floor(N / workerCount) + (i < N % workerCount ? 1 : 0),
        concurrency: settings.BENCH_CONNECT_CONCURRENCY,
      }),
      'connected',
    );
    const connectSeconds = (now() - connectStarted) / 1000;
    const connectMs = connected.flatMap((c) => c.connectMs).sort((a, b) => a - b);
    const connectFailures = connected.reduce((n, c) => n + c.failures, 0);
    const open = connectMs.length;
    if (connectFailures) console.warn(`${connectFailures} sockets failed to connect, first: ${connected.find((c) => c.firstFailure)?.firstFailure}`);
    if (!open) throw new Error('no subscriber connected');
    progress(`${open} sockets open and acked in ${connectSeconds.toFixed(1)} s; waiting for idle`);

    // The subscribe path is asynchronous (plan, upstream subscription to risk): idle is when the
    // stack's event loop has been quiet for a second.
    const idleStarted = now();
    await untilQuiet(settings.BENCH_DELIVERY_TIMEOUT_MS);
    const settleSeconds = (now() - idleStarted) / 1000;
    const idle = await settle();
    progress(`idle after ${settleSeconds.toFixed(1)} s; raising ${E} events`);

    // The events, paced, with the stack's event loop and CPU watched while they are delivered.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuStarted = process.cpuUsage();
    const cpuFrom = now();
    const publishedAt: number[] = [];
    const failedPublishes: { index: number; error: string; ms: number }[] = [];
    for (let i = 0; i < E; i++) {
      const started = now();
      const published = await raiseAlert();
      publishedAt.push(published.publishedAt);
      if (published.error) failedPublishes.push({ index: i, error: published.error, ms: now() - published.publishedAt });
      progress(`event ${i + 1}/${E} ${published.error ? `FAILED after ${(now() - started).toFixed(0)} ms` : `published in ${(now() - started).toFixed(0)} ms`}`);
      const wait = settings.BENCH_EVENT_INTERVAL_MS - (now() - started);
      if (i < E - 1 && wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const published = E - failedPublishes.length;
    const expected = open * published;
    const deadline = Date.now() + settings.BENCH_DELIVERY_TIMEOUT_MS;
    let last = -1;
    let stalledSince = Date.now();
    for (;;) {
      const received = await totalReceived();
      if (received >= expected || Date.now() > deadline) break;
      if (received !== last) [last, stalledSince] = [received, Date.now()];
      else if (Date.now() - stalledSince > 10_000) break; // nothing new for 10 s: the rest is missed
      await new Promise((r) => setTimeout(r, 100));
    }
    const cpu = process.cpuUsage(cpuStarted);
    const cpuWindowSeconds = (now() - cpuFrom) / 1000;
    loopDelay.disable();
    const reports = await ask({ type: 'report' }, 'report');

    // Each alert's createdAt is stamped by risk after its publish began: it belongs to the latest
    // event published at or before it.
    const eventOf = (createdAt: string) => {
      const at = Date.parse(createdAt);
      let index = -1;
      for (let i = 0; i < publishedAt.length; i++) if (publishedAt[i]! <= at + 1) index = i;
      return index;
    };
    const latencies: number[] = [];
    let lateForFailed = 0;
    const perEvent = publishedAt.map(() => ({ deliveries: 0, lastAt: 0 }));
    for (const report of reports) {
      for (const [createdAt, times] of Object.entries(report.receipts)) {
        const index = eventOf(createdAt);
        if (index < 0) continue; // not one of ours
        const event = perEvent[index]!;
        if (failedPublishes.some((f) => f.index === index)) {
          lateForFailed += times.length;
          continue;
        }
        for (const t of times) {
          latencies.push(t - publishedAt[index]!);
          event.deliveries++;
          event.lastAt = Math.max(event.lastAt, t);
        }
      }
    }
    latencies.sort((a, b) => a - b);
    const delivered = latencies.length;
    const lastReceipt = Math.max(...perEvent.map((e) => e.lastAt));
    const windowSeconds = (lastReceipt - publishedAt[0]!) / 1000;
    const fanout = perEvent.flatMap((e, i) => (e.deliveries > 0 ? [e.lastAt - publishedAt[i]!] : [])).sort((a, b) => a - b);
    const errors = reports.reduce((n, r) => n + r.errors, 0);
    const wrongPayload = reports.reduce((n, r) => n + r.wrongPayload, 0);
    const ended = reports.reduce((n, r) => n + r.ended, 0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;

    const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(1)} ms`);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
    const rows: [string, string][] = [
      ['subscribers (sockets) open / asked', `${open} / ${N}  (${workerCount} worker processes, ${settings.BENCH_CONNECT_CONCURRENCY} connecting at once each)`],
      ['connect: all open + acked', `${connectSeconds.toFixed(2)} s  (${(open / connectSeconds).toFixed(0)} sockets/s)`],
      ['connect per socket p50 / p99 / max', `${ms(pct(connectMs, 50))} / ${ms(pct(connectMs, 99))} / ${ms(connectMs.at(-1))}`],
      ['until all subscriptions idle', `${settleSeconds.toFixed(2)} s after the last ack`],
      ['memory before sockets (RSS / heap)', `${mb(before.rss)} / ${mb(before.heapUsed)}`],
      ['memory, all idle (RSS / heap)', `${mb(idle.rss)} / ${mb(idle.heapUsed)}`],
      ['per idle subscription (RSS / heap)', `${kb((idle.rss - before.rss) / open)} / ${kb((idle.heapUsed - before.heapUsed) / open)}`],
      ['events raised / refused by risk', `${published} / ${failedPublishes.length}  (${settings.BENCH_EVENT_INTERVAL_MS} ms apart)`],
      ['deliveries received / expected', `${delivered} / ${expected}  (missed ${expected - delivered}: an error instead of the alert, or nothing ${settings.BENCH_DELIVERY_TIMEOUT_MS / 1000} s after the last publish${connectFailures ? `; ${connectFailures * E} more for sockets that never connected` : ''})`],
      ['delivery latency p50 / p99 / max', `${ms(pct(latencies, 50))} / ${ms(pct(latencies, 99))} / ${ms(latencies.at(-1))}`],
      ['one event to all subscribers p50 / max', `${ms(pct(fanout, 50))} / ${ms(fanout.at(-1))}`],
      ['deliveries/s (first publish → last receipt)', `${(delivered / windowSeconds).toFixed(0)} over ${windowSeconds.toFixed(2)} s`],
      ['stack CPU during events', `${cpuSeconds.toFixed(1)} s in ${cpuWindowSeconds.toFixed(1)} s (${((cpuSeconds / cpuWindowSeconds) * 100).toFixed(0)}% of one core, threads included)`],
      ['stack event-loop delay p99 / max', `${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms / ${(loopDelay.max / 1e6).toFixed(0)} ms`],
      ['results with errors / wrong payloads / streams ended', `${errors} / ${wrongPayload} / ${ended}`],
    ];
    console.log(`\nResona subscriptions benchmark — ${N} subscribers of crisisAlerts (risk + identity fields), ${E} events`);
    console.log('The gateway and all six subgraphs share one Node.js process (the embedded default): its memory and CPU include');
    console.log("risk's side of every subscription. The sockets live in separate worker processes; PostgreSQL runs beside.\n");
    const width = Math.max(...rows.map(([k]) => k.length)) + 2;
    for (const [k, v] of rows) console.log(k.padEnd(width), v);
    for (const f of failedPublishes) console.log(`\nevent ${f.index + 1} refused by risk after ${f.ms.toFixed(0)} ms: ${f.error.slice(0, 300)}`);
    if (lateForFailed) console.log(`${lateForFailed} deliveries arrived for refused events (not counted).`);
    const outstanding = expected - delivered;
    if (outstanding > 0 && delivered > 0)
      console.log(`\nAt ${(delivered / windowSeconds).toFixed(0)} deliveries/s the ${outstanding} outstanding deliveries would need another ~${(outstanding / (delivered / windowSeconds)).toFixed(0)} s.`);
    const firstError = reports.find((r) => r.firstError)?.firstError;
    if (firstError) console.log(`\nfirst error: ${firstError.slice(0, 500)}`);
  } finally {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null) return resolve();
            const timer = setTimeout(() => w.kill(), 10_000);
            w.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            w.send({ type: 'stop' } satisfies ToWorker);
          }),
      ),
    );
    await stack.stop();
  }
}
