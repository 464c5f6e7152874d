/**
 * Runs `work` once the browser is idle, or after `timeoutMs` at the latest (after `fallbackMs`
 * where the browser cannot tell when it is idle); returns what cancels it (an effect's cleanup).
 */
export function whenIdle(work: () => void, timeoutMs: number, fallbackMs: number): () => void {
  if ('requestIdleCallback' in window) {
    const idle = window.requestIdleCallback(work, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(idle);
  }
  const timer = setTimeout(work, fallbackMs);
  return () => clearTimeout(timer);
}
