import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT, type ListeningMessage, type Logger } from '@resona/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@resona/db';
import { START_RANK, startStack, type StackOptions } from './stack.js';
import { SUBGRAPHS } from './subgraphs.js';

export interface ProcessStackOptions extends Pick<StackOptions, 'databaseUrl' | 'dataDir' | 'logLevel' | 'settings' | 'seedWhenEmpty'> {
  /** Redis, through which the services hear each other's events (a revoked session, a revoked consent). */
  redisUrl: string;
}

export interface ProcessStack {
  gatewayUrl: string;
  /** Each subgraph's URL, by name. */
  subgraphUrls: Record<string, string>;
  databaseUrl: string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * The supergraph as it runs in production: every subgraph and the gateway in its own Node process,
 * so the services share every core and one busy service does not hold up the others' event loops.
 * They hear each other through Redis and listen on free ports. PostgreSQL is embedded unless a URL is
 * given; its migrations, keys and (optionally) demo data are made first, by starting the one-process
 * stack once and stopping it.
 */
export async function startStackProcesses(options: ProcessStackOptions, logger: Logger): Promise<ProcessStack> {
  await assertListening(options.redisUrl);
  let embedded: EmbeddedDatabase | undefined;
  const children: ChildProcess[] = [];
  let stopping = false;
  const startChild = async (entry: string, settings: Record<string, string>) => {
    const started = await startService(entry, settings);
    children.push(started.child);
    started.child.once('exit', (code, signal) => {
      if (!stopping) logger.error({ service: path.relative(REPO_ROOT, entry), code, signal }, 'a service process exited');
    });
    return started.url;
  };
  const stop = async () => {
    stopping = true;
    for (const child of children.reverse()) await stopChild(child);
    await embedded?.stop();
  };
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, log: (line) => logger.debug({ postgres: line }) });
      databaseUrl = embedded.url;
    }
    const common = { DATA_DIR: options.dataDir, DATABASE_URL: databaseUrl, REDIS_URL: options.redisUrl, PORT: '0', ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}), ...options.settings };
    const prepared = await startStack({ ...options, databaseUrl, ports: 'random' }, logger);
    await prepared.stop();

    // Peers first (their URLs are passed on), each rank started side by side.
    const urls: Record<string, string> = {};
    const urlSettings = () => Object.fromEntries(Object.entries(urls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]));
    const ranks = [...new Set(SUBGRAPHS.map(({ module }) => START_RANK(module.name)))].sort((a, b) => a - b);
    for (const rank of ranks) {
      const peers = urlSettings();
      await Promise.all(
        SUBGRAPHS.filter(({ module }) => START_RANK(module.name) === rank).map(async ({ module }) => {
          urls[module.name] = await startChild(path.join(REPO_ROOT, 'subgraphs', module.name, 'src/index.ts'), { ...common, ...peers });
        }),
      );
    }
    const gatewayUrl = await startChild(path.join(REPO_ROOT, 'gateway/src/index.ts'), { ...common, ...urlSettings() });
    logger.info({ gateway: gatewayUrl, subgraphs: urls }, 'stack running, one process per service');
    return { gatewayUrl, subgraphUrls: urls, databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs a service's entry file with tsx and waits for it to say where it listens. */
function startService(entry: string, settings: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(entry, [], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'], env: { ...process.env, ...settings }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const name = path.relative(REPO_ROOT, entry);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${STARTUP_TIMEOUT_MS / 1000} s`)), STARTUP_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('exit', (code) => fail(new Error(`${name} exited with code ${code} while starting (its output is above)`)));
    child.on('message', (message: ListeningMessage) => {
      if (message?.type !== 'listening') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, url: message.url });
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Fails fast, saying how to start Redis, when nothing listens at its URL. */
function assertListening(redisUrl: string): Promise<void> {
  const { hostname, port } = new URL(redisUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(2_000);
    const fail = () => {
      socket.destroy();
      reject(new Error(`Nothing listens at ${redisUrl}: the services of a multi-process stack hear each other through Redis. Start it (sudo apt-get install -y redis-server && redis-server --daemonize yes) or set REDIS_URL.`));
    };
    socket.once('connect', () => (socket.end(), resolve()));
    socket.once('error', fail);
    socket.once('timeout', fail);
  });
}
