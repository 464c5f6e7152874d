import { usageCsvResultSchema } from '@yhdessa/shared';
import { and, eq } from 'drizzle-orm';
import request from 'supertest';
import { auditEvents } from '../../db/tables/audit';
import { families } from '../../db/tables/families';
import { serviceRoles } from '../../db/tables/service-roles';
import { serviceUsage } from '../../db/tables/service-usage';
import { buildOpenApiDocument } from '../../http/openapi-document';
import { apiRoutes } from '../../routes';
import { signInAs, startTestApp, type TestApp } from '../../test/test-app';
import { buildWorld, type World } from '../../test/world';
import { parseUsageCsv } from './usage-csv';

jest.setTimeout(120_000);

describe('parseUsageCsv', () => {
  const F = '11111111-1111-4111-8111-111111111111';
  const S = '22222222-2222-4222-8222-222222222222';

  it('when a spreadsheet saves it with semicolons, decimal commas and a quoted note over two lines, then the rows and line numbers hold', () => {
    const text = `\uFEFFfamily;service;month;units;note\r\n${F};${S};2025-03;1,5;"Kaksi; riviä\nmuistiinpanoa"\r\n\r\n${F};${S};2025-04;2;\r\n`;
    expect(parseUsageCsv(text)).toEqual({
      rows: [
        { line: 2, familyId: F, serviceId: S, month: '2025-03', units: 1.5, note: 'Kaksi; riviä\nmuistiinpanoa' },
        { line: 5, familyId: F, serviceId: S, month: '2025-04', units: 2, note: '' },
      ],
      errors: [],
    });
  });

  it('when lines are at fault, then each is reported with its number and every reason', () => {
    const text = [
      'family,service,month,units',
      `${F},${S},2025-03,1`,
      `perhe-1,${S},2025-13,1.234`,
      `${F},${S},2025-03,2`,
      `${F},${S}`,
      `${F},${S},2025-05,-1`,
    ].join('\n');
    const { rows, errors } = parseUsageCsv(text);
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(errors.map(({ line, problem }) => [line, problem])).toEqual([
      [3, 'unknown_family'],
      [3, 'bad_month'],
      [3, 'bad_units'],
      [4, 'duplicate_row'],
      [5, 'columns'],
      [6, 'bad_units'],
    ]);
    expect(errors[3]).toEqual({
      line: 4,
      problem: 'duplicate_row',
      reason: 'Duplicate row: line 2 has the same family, service and month.',
      duplicateOf: 2,
    });
  });

  it('when a note has a quote inside it or a quoted note has doubled quotes, then the note is kept as written', () => {
    const text = [
      'family,service,month,units,note',
      `${F},${S},2025-03,1,Koulu 5" kirja`,
      `${F},${S},2025-04,1,"Sanoi ""ei"", sitten kyllä"`,
    ].join('\n');
    expect(parseUsageCsv(text).rows.map((row) => row.note)).toEqual(['Koulu 5" kirja', 'Sanoi "ei", sitten kyllä']);
  });

  it('when a quote never closes, then the lines before it are checked and its line is at fault, with the lines it swallows', () => {
    const text = [
      'family,service,month,units,note',
      `${F},${S},2025-03,1,`,
      `perhe,${S},2025-04,1,`,
      `${F},${S},2025-05,1,"Auki`,
      `${F},${S},2025-06,1,`,
    ].join('\r\n');
    const { rows, errors } = parseUsageCsv(text);
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(errors).toEqual([
      expect.objectContaining({ line: 3, problem: 'unknown_family' }),
      { line: 4, problem: 'columns', reason: 'The line cannot be split into columns: a quoted field does not end.' },
    ]);
    expect(parseUsageCsv(`family,service,month,units\n"${F},${S},2025-03,1`).errors).toEqual([
      expect.objectContaining({ line: 2, problem: 'columns' }),
    ]);
  });

  it.each([
    ['no header', `${F},${S},2025-03,1`, 'header'],
    ['only a header', 'family,service,month,units\n', 'no_rows'],
  ])('when the file has %s, then line 1 says so', (_case, text, problem) => {
    expect(parseUsageCsv(text).errors).toEqual([expect.objectContaining({ line: 1, problem })]);
  });
});

describe('POST /api/service-usage/csv and /csv/preview', () => {
  let testApp: TestApp;
  let world: World;
  let workerA: Awaited<ReturnType<typeof signInAs>>;

  beforeAll(async () => {
    testApp = await startTestApp();
    world = await buildWorld(testApp.database.db);
    const { db } = testApp.database;
    for (const family of [world.family, world.otherFamily])
      await db
        .update(families)
        .set({ createdAt: new Date('2025-01-10T12:00:00+02:00') })
        .where(eq(families.id, family.id));
    await db.update(serviceRoles).set({ startsOn: '2025-02-01' }).where(eq(serviceRoles.id, world.roles.roleA.id));
    workerA = await signInAs(testApp.app, world.people.workerA);
  });
  afterAll(() => testApp.close());

  const csv = (...lines: string[]) => ['family,service,month,units,note', ...lines].join('\n');
  const send = (path: string, text: string, agent = workerA) => agent.post(path).set('content-type', 'text/csv').send(text);
  const stored = async () => testApp.database.db.select().from(serviceUsage);
  const serviceA = () => world.services.serviceA.id;

  it('when a file is right, then the preview lists its rows and stores nothing, and the import stores every row, audited', async () => {
    const text = csv(`${world.family.id},${serviceA()},2025-02,4,Helmikuu`, `${world.family.id},${serviceA()},2025-03,"2,5",`);
    const preview = usageCsvResultSchema.parse((await send('/api/service-usage/csv/preview', text).expect(200)).body);
    expect(preview).toMatchObject({ errors: [], stored: false });
    expect(preview.rows.map((row) => [row.line, row.month, row.units])).toEqual([
      [2, '2025-02', 4],
      [3, '2025-03', 2.5],
    ]);
    expect(await stored()).toHaveLength(0);

    const imported = usageCsvResultSchema.parse((await send('/api/service-usage/csv', text).expect(200)).body);
    expect(imported).toMatchObject({ errors: [], stored: true });
    const rows = await stored();
    expect(rows.map((row) => [row.usedOn, row.period, row.units, row.source, row.serviceRoleId])).toEqual([
      ['2025-02-01', 'month', 4, 'csv', world.roles.roleA.id],
      ['2025-03-01', 'month', 2.5, 'csv', world.roles.roleA.id],
    ]);
    const audits = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.resource, 'service-usage'), eq(auditEvents.action, 'create')));
    expect(audits.map((row) => row.resourceId).sort()).toEqual(rows.map((row) => row.id).sort());
    expect(testApp.published.filter((event) => event.type === 'usage.recorded')).toHaveLength(2);
  });

  it('when any line is at fault, then every bad line is reported by number and nothing at all is stored', async () => {
    const before = await stored();
    const text = csv(
      `${world.family.id},${serviceA()},2025-04,1,`,
      `${world.otherFamily.id},${serviceA()},2025-04,1,`,
      `00000000-0000-4000-8000-000000000000,${serviceA()},2025-04,1,`,
      `${world.family.id},${world.services.serviceB.id},2025-04,1,`,
      `${world.family.id},${serviceA()},2025-01,1,`,
      `${world.family.id},${serviceA()},2025-02,1,`,
      `${world.family.id},${serviceA()},2099-01,1,`,
      `${world.family.id},${serviceA()},April,x,`,
      `${world.family.id},${serviceA()},2025-04,2,`,
    );
    for (const path of ['/api/service-usage/csv/preview', '/api/service-usage/csv']) {
      const result = usageCsvResultSchema.parse((await send(path, text).expect(200)).body);
      expect(result.stored).toBe(false);
      expect(result.errors.map((error) => [error.line, error.problem])).toEqual([
        [3, 'unknown_family'],
        [4, 'unknown_family'],
        [5, 'unknown_service'],
        [6, 'not_active_in_month'],
        [7, 'already_recorded'],
        [8, 'not_active_in_month'],
        [9, 'bad_month'],
        [9, 'bad_units'],
        [10, 'duplicate_row'],
      ]);
    }
    expect(await stored()).toEqual(before);
  });

  it('when the case is closed, then its rows are refused', async () => {
    const { db } = testApp.database;
    await db.update(families).set({ status: 'closed' }).where(eq(families.id, world.family.id));
    const result = (await send('/api/service-usage/csv/preview', csv(`${world.family.id},${serviceA()},2025-05,1,`))).body;
    await db.update(families).set({ status: 'active' }).where(eq(families.id, world.family.id));
    expect(result.errors).toEqual([{ line: 2, problem: 'case_closed', reason: 'The case is closed.' }]);
  });

  it.each(['coordinator', 'guardian', 'manager', 'admin'] as const)('when %s sends a file, then 404', async (person) => {
    const agent = await signInAs(testApp.app, world.people[person]);
    expect((await send('/api/service-usage/csv/preview', csv(), agent)).status).toBe(404);
  });

  it('when nobody is signed in, then 401', async () => {
    expect((await send('/api/service-usage/csv', csv(), request.agent(testApp.app))).status).toBe(401);
  });

  it('when the file comes as JSON, or another route gets CSV, then 415', async () => {
    expect((await workerA.post('/api/service-usage/csv/preview').send({ csv: 'x' })).status).toBe(415);
    const elsewhere = await send(`/api/families/${world.family.id}/service-usage`, csv());
    expect(elsewhere.status).toBe(415);
    expect(elsewhere.body.code).toBe('unsupported_media_type');
  });

  it('when the OpenAPI document describes the import, then its body is text/csv', () => {
    const document = buildOpenApiDocument(apiRoutes(testApp.config));
    const body = document.paths?.['/api/service-usage/csv']?.post?.requestBody;
    expect(body && 'content' in body ? Object.keys(body.content) : []).toEqual(['text/csv']);
  });
});
