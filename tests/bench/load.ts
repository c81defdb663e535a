import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

export interface LoadResult {
  title: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * Runs autocannon in its own process, so the load generator does not share an event loop with the
 * servers it measures.
 */
export async function load(options: {
  title: string;
  url: string;
  body: unknown;
  headers?: Record<string, string>;
  seconds: number;
  connections: number;
}): Promise<LoadResult> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const headers = { 'content-type': 'application/json', ...options.headers };
  const args = [bin, '--json', '-d', String(options.seconds), '-c', String(options.connections), '-m', 'POST', '-b', JSON.stringify(options.body)];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  args.push(options.url);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(stdout);
  return {
    title: options.title,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Prints results as an aligned table. */
export function printTable(results: LoadResult[]) {
  const width = Math.max(...results.map((r) => r.title.length)) + 2;
  console.log('scenario'.padEnd(width), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'non-2xx'.padStart(8), 'errors'.padStart(7));
  for (const r of results) {
    console.log(
      r.title.padEnd(width),
      r.requestsPerSecond.toFixed(0).padStart(8),
      String(r.p50).padStart(8),
      String(r.p99).padStart(8),
      String(r.non2xx).padStart(8),
      String(r.errors).padStart(7),
    );
  }
}
