import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from './config';

describe('configuration defaults', () => {
  it('when WEB_DIST is not set, then the server looks for the built web client in apps/web/dist', () => {
    const { WEB_DIST } = loadConfig({ NODE_ENV: 'test' });
    expect(WEB_DIST).toBe(path.resolve(__dirname, '../../../web/dist'));
    // The folder the web app builds into: its package.json is beside it.
    expect(fs.existsSync(path.join(path.dirname(WEB_DIST), 'package.json'))).toBe(true);
    expect(path.basename(path.dirname(WEB_DIST))).toBe('web');
  });
});
