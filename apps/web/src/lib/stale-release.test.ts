import { reloadForNewRelease, type ReloadDeps } from './stale-release';

function deps(overrides: Partial<ReloadDeps> = {}) {
  const stored = new Map<string, string>();
  const reload = jest.fn();
  const all: ReloadDeps = {
    storage: { getItem: (key) => stored.get(key) ?? null, setItem: (key, value) => void stored.set(key, value) },
    now: () => 1_000_000,
    serverAnswers: () => Promise.resolve(true),
    reload,
    ...overrides,
  };
  return { ...all, reload: overrides.reload ?? reload };
}

describe('reloading for a new release', () => {
  it('when a chunk fails to load and the server answers, then the page reloads once', async () => {
    const page = deps();
    expect(await reloadForNewRelease(page)).toBe(true);
    expect(page.reload).toHaveBeenCalledTimes(1);
  });

  it('when a chunk fails again soon after that reload, then the page stays and shows the error', async () => {
    const page = deps();
    await reloadForNewRelease(page);
    expect(await reloadForNewRelease({ ...page, now: () => 1_000_000 + 5_000 })).toBe(false);
    expect(page.reload).toHaveBeenCalledTimes(1);
  });

  it('when a chunk fails long after the last reload, then the page reloads again', async () => {
    const page = deps();
    await reloadForNewRelease(page);
    expect(await reloadForNewRelease({ ...page, now: () => 1_000_000 + 60_000 })).toBe(true);
    expect(page.reload).toHaveBeenCalledTimes(2);
  });

  it('when the server does not answer (offline), then the page stays', async () => {
    const page = deps({ serverAnswers: () => Promise.resolve(false) });
    expect(await reloadForNewRelease(page)).toBe(false);
    expect(page.reload).not.toHaveBeenCalled();
  });

  it('when storage is refused, then the page stays (no guard against a loop, so no reload)', async () => {
    const page = deps({
      storage: {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => undefined,
      },
    });
    expect(await reloadForNewRelease(page)).toBe(false);
    expect(page.reload).not.toHaveBeenCalled();
  });
});
