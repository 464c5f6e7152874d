/**
 * Preloaded into a benchmark's server started with `--expose-gc`: collects garbage when the
 * benchmark sends 'gc' over the IPC channel and answers 'gc-done', so memory read before and
 * after a step compares live objects rather than when the collector last ran.
 */
process.on('message', (message) => {
  if (message !== 'gc') return;
  (globalThis as { gc?: () => void }).gc?.();
  process.send?.('gc-done');
});
