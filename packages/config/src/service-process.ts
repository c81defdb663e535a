/** What a service's process tells the process that started it (see `@resona/stack`'s `startStackProcesses`). */
export interface ListeningMessage {
  type: 'listening';
  url: string;
}

/**
 * For a service running in its own process: tells a parent that started it with an IPC channel
 * where it listens, and stops cleanly (once) on SIGINT, SIGTERM, or when that parent goes away,
 * so a killed benchmark never leaves services running.
 */
export function serveUntilStopped(url: string, stop: () => Promise<void>): void {
  let stopping = false;
  const stopOnce = async () => {
    if (stopping) return;
    stopping = true;
    await stop().catch((error: Error) => console.error(error.message));
    process.exit(0);
  };
  process.once('SIGINT', stopOnce);
  process.once('SIGTERM', stopOnce);
  if (process.send) {
    process.once('disconnect', stopOnce);
    process.send({ type: 'listening', url } satisfies ListeningMessage);
  }
}
