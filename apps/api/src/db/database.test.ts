import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './database';

jest.setTimeout(60_000);

it('when the data directory and its parents do not exist (a fresh checkout: ./.data/demo), then the embedded database makes them', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yhdessa-fresh-'));
  const dataDir = path.join(root, '.data', 'demo');
  try {
    const database = await openDatabase({ dataDir });
    expect(await database.ping()).toBe(true);
    await database.close();
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
