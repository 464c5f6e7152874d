const STORAGE_KEY = 'yhdessa.reloadedForRelease';
/** A second failure this soon after reloading is not a release: the error then stays on screen. */
const QUIET_MS = 30_000;

export interface ReloadDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  now: () => number;
  /** Whether the server answers now: a failed import while offline is no new release. */
  serverAnswers: () => Promise<boolean>;
  reload: () => void;
}

/**
 * A page opened before a release asks for chunks the new release no longer has (the server answers
 * 404). When such an import fails and the server answers, the page loads the new release, at most once
 * in 30 s so that a chunk that is missing for another reason cannot reload the page again and again.
 * The address, the forms' drafts (sessionStorage) and the edits waiting to be sent survive a reload.
 * Resolves to whether the page reloads.
 */
export async function reloadForNewRelease({ storage, now, serverAnswers, reload }: ReloadDeps): Promise<boolean> {
  let last: number;
  try {
    last = Number(storage.getItem(STORAGE_KEY));
  } catch {
    // Storage refused (private browsing): without the guard, no reload either.
    return false;
  }
  if (now() - last < QUIET_MS) return false;
  if (!(await serverAnswers())) return false;
  try {
    storage.setItem(STORAGE_KEY, String(now()));
  } catch {
    return false;
  }
  reload();
  return true;
}

/** Vite reports an import whose chunk (or one of its own imports) failed to load as `vite:preloadError`. */
export function reloadOnStaleChunks(): void {
  window.addEventListener('vite:preloadError', () => {
    void reloadForNewRelease({
      storage: window.sessionStorage,
      now: Date.now,
      serverAnswers: () =>
        navigator.onLine
          ? fetch('/', { method: 'HEAD', cache: 'no-store' }).then(
              (response) => response.ok,
              () => false,
            )
          : Promise.resolve(false),
      reload: () => window.location.reload(),
    });
  });
}
