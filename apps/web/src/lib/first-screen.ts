import { useEffect } from 'react';

let markDrawn: () => void = () => undefined;

/**
 * Resolves once the signed-in app's first screen is drawn: what that screen does not need (the
 * socket's code, the header's menus) is fetched after it, not beside it on a slow line.
 */
export const firstScreenDrawn = new Promise<void>((resolve) => {
  markDrawn = resolve;
});

/** Marks the first screen drawn once it has settled (no code or data on its way) and the browser is idle. */
export function useMarkFirstScreenDrawn(settled: boolean): void {
  useEffect(() => {
    if (!settled) return undefined;
    if ('requestIdleCallback' in window) {
      const idle = window.requestIdleCallback(markDrawn, { timeout: 3_000 });
      return () => window.cancelIdleCallback(idle);
    }
    const timer = setTimeout(markDrawn, 500);
    return () => clearTimeout(timer);
  }, [settled]);
}
