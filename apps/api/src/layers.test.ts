import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The layers of docs/architecture.md are enforced by lint (eslint-plugin-boundaries). Each case
 * writes one file with one import into the tree, lints them all in one run and expects exactly
 * the forbidden imports to fail, so a config that stops enforcing a layer fails here.
 */
const repo = path.resolve(__dirname, '../../..');
const api = 'apps/api/src';

const cases: { file: string; imports: string; allowed: boolean }[] = [
  // Upward imports from the bottom layers.
  { file: `${api}/db/tables`, imports: '../../features/plans', allowed: false },
  { file: `${api}/core`, imports: '../db/database', allowed: false },
  { file: `${api}/core`, imports: '../http/route', allowed: false },
  // access, audit, realtime and mail stand on db and core only, and not on each other.
  { file: `${api}/access`, imports: '../http/route', allowed: false },
  { file: `${api}/access`, imports: '../audit/audit.repository', allowed: false },
  { file: `${api}/audit`, imports: '../access/family-policy', allowed: false },
  { file: `${api}/realtime`, imports: '../features/notes/notes.service', allowed: false },
  { file: `${api}/mail`, imports: '../http/mount-routes', allowed: false },
  { file: `${api}/access`, imports: '../db/tables/families', allowed: true },
  { file: `${api}/audit`, imports: '../core/actor', allowed: true },
  // The route kit stands on the kernel, never on a feature.
  { file: `${api}/http`, imports: '../features/plans', allowed: false },
  { file: `${api}/http`, imports: '../access/family-policy', allowed: true },
  // Features: the kernel, their own files, another feature only through its index.
  { file: `${api}/features/notes`, imports: '../plans/plan.presenter', allowed: false },
  { file: `${api}/features/notes`, imports: '../plans', allowed: true },
  { file: `${api}/features/notes`, imports: '../../http/route', allowed: true },
  { file: `${api}/features/notes`, imports: '../../db/tables/notes', allowed: true },
  // Nothing but tests imports the composition root.
  { file: `${api}/features/notes`, imports: '../../app', allowed: false },
  { file: `${api}/http`, imports: '../socket-server', allowed: false },
  // The web client: features never import each other.
  { file: 'apps/web/src/features/notes', imports: '../plans/api/plan.query', allowed: false },
];

const fixtureName = (index: number) => `zz-layer-fixture-${process.pid}-${index}.ts`;

describe('layer rules (lint)', () => {
  const written = cases.map((fixture, index) => path.join(repo, fixture.file, fixtureName(index)));

  afterAll(() => {
    for (const file of written) fs.rmSync(file, { force: true });
  });

  it('fails every import that runs up a layer or into another feature, and only those', async () => {
    cases.forEach((fixture, index) =>
      fs.writeFileSync(written[index]!, `import * as imported from '${fixture.imports}';\n\nexport const fixture = imported;\n`),
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(repo, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--no-warn-ignored', ...written],
      { cwd: repo, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout: string }) => error); // eslint exits 1 when it finds errors
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];

    const verdicts = cases.map((fixture, index) => {
      const result = results.find((entry) => entry.filePath === written[index]);
      const refused = result?.messages.some((message) => message.ruleId === 'boundaries/dependencies') ?? false;
      return `${fixture.file} -> ${fixture.imports}: ${refused ? 'refused' : 'allowed'}`;
    });
    expect(verdicts).toEqual(
      cases.map((fixture) => `${fixture.file} -> ${fixture.imports}: ${fixture.allowed ? 'allowed' : 'refused'}`),
    );
  }, 120_000);
});
