/**
 * jsdom lays nothing out: recharts finds each chart 0 px wide and says so. Silences that one
 * warning for the tests of a file; every other warning stays.
 */
export function quietChartSizeWarnings(): void {
  // eslint-disable-next-line no-console
  const warn = console.warn;
  beforeEach(() =>
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('width(0) and height(0) of chart')) warn(...args);
    }),
  );
  afterEach(() => jest.restoreAllMocks());
}
