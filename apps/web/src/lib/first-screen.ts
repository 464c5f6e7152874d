import { useEffect } from 'react';
import { whenIdle } from './when-idle';

let markDrawn: () => void = () => undefined;

/**
 * Resolves once the signed-in app's first screen is drawn: what that screen does not need (the
 * socket's code, the plan's other sections) is fetched after it, not beside it on a slow line.
 */
export const firstScreenDrawn = new Promise<void>((resolve) => {
  markDrawn = resolve;
});

let drawn = false;
void firstScreenDrawn.then(() => {
  drawn = true;
});

/** Whether the first screen was drawn already: a screen drawn after it need not wait. */
export const isFirstScreenDrawn = () => drawn;

let placeholders = 0;
const untilNoPlaceholder = new Set<() => void>();

/** A placeholder on screen (a loading state): the screen it stands for is still to be drawn. */
export function usePlaceholderShown(): void {
  useEffect(() => {
    placeholders += 1;
    return () => {
      placeholders -= 1;
      if (placeholders > 0) return;
      const waiting = [...untilNoPlaceholder];
      untilNoPlaceholder.clear();
      for (const work of waiting) work();
    };
  }, []);
}

/** Runs `work` once no placeholder is on screen (soon if none is); returns what cancels it. */
function whenNoPlaceholder(work: () => void): () => void {
  let waiting = true;
  const run = () => {
    if (!waiting) return;
    waiting = false;
    work();
  };
  if (placeholders === 0) queueMicrotask(run);
  else untilNoPlaceholder.add(run);
  return () => {
    waiting = false;
    untilNoPlaceholder.delete(run);
  };
}

/**
 * Marks the first screen drawn once it has settled (no code or data on its way, and no placeholder
 * on screen), the frame that shows it is on the screen and the browser is idle.
 */
export function useMarkFirstScreenDrawn(settled: boolean): void {
  useEffect(() => {
    if (!settled) return undefined;
    let cancel = () => undefined as void;
    cancel = whenNoPlaceholder(() => {
      cancel = whenShown(performance.now(), () => {
        cancel = whenIdle(markDrawn, 3_000, 500);
      });
    });
    return () => cancel();
  }, [settled]);
}

/** How long a frame may take to be shown before its screen counts as drawn all the same. */
const SHOWN_AT_THE_LATEST_MS = 1_000;

const tellsLargestPaints = () =>
  typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint');

/**
 * Runs `work` once a frame drawn after `since` is on the screen; returns what cancels it. A frame
 * is shown some time after the main thread has drawn it (the compositor's turn, long on a busy
 * phone): the browser tells when it showed the largest content it has painted so far; after a
 * while, when nothing larger was painted. A browser that does not tell: two frames later.
 */
function whenShown(since: number, work: () => void): () => void {
  if (!tellsLargestPaints()) return afterFrames(2, work);
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((entry) => entry.startTime >= since)) finish();
  });
  const timer = setTimeout(() => finish(), SHOWN_AT_THE_LATEST_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  function finish() {
    stop();
    work();
  }
  observer.observe({ type: 'largest-contentful-paint', buffered: true });
  return stop;
}

/** Runs `work` at the start of the `count`th frame from now; returns what cancels it. */
function afterFrames(count: number, work: () => void): () => void {
  let frame = requestAnimationFrame(function next() {
    count -= 1;
    if (count > 0) frame = requestAnimationFrame(next);
    else work();
  });
  return () => cancelAnimationFrame(frame);
}
