import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Words a user reads live in the language files: lint (eslint-plugin-i18next) fails a literal
 * string that JSX renders as text or in an attribute someone reads or hears. Each case is one
 * component written into the tree; one lint run must flag exactly the user-facing ones, so a
 * config that stops catching them, or starts flagging codes and styling, fails here.
 */
const repo = path.resolve(__dirname, '../../../..');

const cases: { jsx: string; flagged: boolean }[] = [
  { jsx: '<Button>Tallenna</Button>', flagged: true },
  { jsx: '<TextInput label="Nimi" />', flagged: true },
  { jsx: '<ActionIcon aria-label="Poista" />', flagged: true },
  { jsx: '<Text title="Lisätietoa">{t("x")}</Text>', flagged: true },
  { jsx: '<Text>{done ? "Valmis" : t("x")}</Text>', flagged: true },
  { jsx: '<Text>{`${count} perhettä jonossa`}</Text>', flagged: true },
  { jsx: '<Anchor href="https://example.fi">example.fi</Anchor>', flagged: true },
  // Translated words, styling, wiring, codes and separators between translated parts.
  { jsx: '<Button variant="light" size="sm" c="gray.8" type="submit">{t("save")}</Button>', flagged: false },
  { jsx: '<Text>{t("a")} · {t("b")}</Text>', flagged: false },
  { jsx: '<TextInput {...form.getInputProps("ownerName")} autoComplete="current-password" label={t("x")} />', flagged: false },
  { jsx: '<Tabs value={tab ?? "costs"} id="tabs" data-testid="tabs" aria-labelledby="h" />', flagged: false },
  { jsx: '<BarChart series={[{ name: "cost", color: "indigo.6" }]} dataKey="year" />', flagged: false },
];

const fixtureName = (index: number) => `zz-literal-fixture-${process.pid}-${index}.tsx`;
const fixtureSource = (jsx: string) =>
  `/* eslint-disable */\n/* eslint-enable i18next/no-literal-string */\nexport function Fixture(props: any) {\n  const { t, form, done, count, tab } = props;\n  return ${jsx};\n}\n`;

describe('literal strings in the UI (lint)', () => {
  const written = cases.map((_, index) => path.join(repo, 'apps/web/src/components', fixtureName(index)));

  afterAll(() => {
    for (const file of written) fs.rmSync(file, { force: true });
  });

  it('fails every string a user would read, and no code, key or styling', async () => {
    cases.forEach((fixture, index) => fs.writeFileSync(written[index]!, fixtureSource(fixture.jsx)));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(repo, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...written],
      { cwd: repo, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout: string }) => error); // eslint exits 1 when it finds errors
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
    const flagged = written.map((file) =>
      results
        .find((result) => result.filePath === file)!
        .messages.some((message) => message.ruleId === 'i18next/no-literal-string'),
    );
    expect(cases.map((fixture, index) => ({ jsx: fixture.jsx, flagged: flagged[index] }))).toEqual(
      cases.map(({ jsx, flagged: expected }) => ({ jsx, flagged: expected })),
    );
  }, 300_000);
});
