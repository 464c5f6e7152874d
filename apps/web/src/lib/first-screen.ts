import { useEffect, useSyncExternalStore } from 'react';
import { whenIdle } from './when-idle';

let markDrawn: () => void = () => undefined;

/**
 * Resolves once the signed-in app's first screen is drawn: what that screen does not need (the
 * socket's code, the plan's other sections) is fetched after it, not beside it on a slow line.
 */
export const firstScreenDrawn = new Promise<void>((resolve) => {
  markDrawn = resolve;
});

let placeholders = 0;
const placeholderListeners = new Set<() => void>();
const subscribeToPlaceholders = (listener: () => void) => {
  placeholderListeners.add(listener);
  return () => placeholderListeners.delete(listener);
};

/** A placeholder on screen (a loading state): the screen it stands for is still to be drawn. */
export function usePlaceholderShown(): void {
  useEffect(() => {
    const change = (by: number) => {
      placeholders += by;
      for (const listener of placeholderListeners) listener();
    };
    change(1);
    return () => change(-1);
  }, []);
}

/** Whether a placeholder is on screen. */
export function usePlaceholdersShown(): boolean {
  return useSyncExternalStore(
    subscribeToPlaceholders,
    () => placeholders > 0,
    () => false,
  );
}

/**
 * Marks the first screen drawn once it has settled (no code or data on its way, no placeholder on
 * screen), the frame that shows it is on the screen and the browser is idle.
 */
export function useMarkFirstScreenDrawn(settled: boolean): void {
  useEffect(() => {
    if (!settled) return undefined;
    let cancel = whenShown(performance.now(), () => {
      cancel = whenIdle(markDrawn, 3_000, 500);
    });
    return () => cancel();
  }, [settled]);
}

/** How long a frame may take to be shown before its screen counts as drawn all the same. */
const SHOWN_AT_THE_LATEST_MS = 1_000;

/**
 * Runs `work` once a frame drawn after `since` is on the screen; returns what cancels it. A frame
 * is shown some time after the main thread has drawn it (the compositor's turn, long on a busy
 * phone): the browser tells when it showed the largest content it has painted so far. Where it does
 * not tell, or nothing larger was painted, after a while.
 */
function whenShown(since: number, work: () => void): () => void {
  let done = false;
  let observer: PerformanceObserver | undefined;
  const finish = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    work();
  };
  const timer = setTimeout(finish, SHOWN_AT_THE_LATEST_MS);
  if (PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => entry.startTime >= since)) finish();
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
  }
  return () => {
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
  };
}
