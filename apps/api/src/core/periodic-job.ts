import type { Logger } from 'pino';

/**
 * Runs `work` every `intervalMs`, never two runs at once (a slow run skips the next tick), and
 * never keeping the process alive; a failure is logged and the next tick tries again. Returns
 * the function that stops it.
 */
export function startPeriodicJob(name: string, intervalMs: number, logger: Logger, work: () => Promise<void>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .catch((error: unknown) => logger.error({ err: error, job: name }, `${name} failed`))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
