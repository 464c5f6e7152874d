import { useEffect } from 'react';
import { whenIdle } from './when-idle';

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
    return whenIdle(markDrawn, 3_000, 500);
  }, [settled]);
}
