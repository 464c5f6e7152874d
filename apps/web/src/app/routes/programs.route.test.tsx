import { screen, waitFor, within } from '@testing-library/react';
import type { Program, Role } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { buildProgram, buildReport, catalogue, placementId, programId } from '../../test/program-fixtures';
import { quietChartSizeWarnings } from '../../test/quiet-chart-warnings';

jest.setTimeout(60_000);

quietChartSizeWarnings();

const manager = buildCurrentUser({ id: testId(7), name: 'Päivi Kettunen', role: 'manager' });
const coordinator = buildCurrentUser();

function signedIn(user = manager, programs: Program[] = [buildProgram()]) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get('/api/programs', () => HttpResponse.json({ programs, can: { create: user.role === 'manager' } })),
    http.get('/api/services', () => HttpResponse.json({ services: catalogue })),
    http.get(`/api/programs/${programId}`, () => HttpResponse.json(buildProgram())),
    http.get(`/api/programs/${programId}/report`, () => HttpResponse.json(buildReport())),
  );
}

describe('the programme list', () => {
  it('when the manager opens it from the header, then each programme shows its provider, period, payers and families, with a way to add one', async () => {
    signedIn();
    const { user, router } = renderApp('/insights');

    await user.click(await screen.findByRole('link', { name: 'Ohjelmat' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ohjelmat' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/programs');
    const card = await screen.findByRole('article', { name: 'Kotona yhdessä' });
    expect(within(card).getByRole('link', { name: 'Kotona yhdessä' })).toHaveAttribute('href', `/programs/${programId}`);
    expect(within(card).getByText('Tuottaja: SOS-Lapsikylä')).toBeInTheDocument();
    expect(within(card).getByText('1.1.2025–31.12.2028')).toBeInTheDocument();
    expect(within(card).getByText('Maksajat: Varkaus, Leppävirta')).toBeInTheDocument();
    expect(within(card).getByText('Mukana nyt 7 perhettä')).toBeInTheDocument();
    expect(within(card).getByText('Kaikkiaan mukana olleita 9 perhettä')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Muokkaa ohjelmaa: Kotona yhdessä' })).toHaveAttribute(
      'href',
      `/programs/${programId}/edit`,
    );
    expect(screen.getByRole('link', { name: 'Uusi ohjelma' })).toHaveAttribute('href', '/programs/new');
  });

  it('when there are no programmes, then the page says so', async () => {
    signedIn(manager, []);
    renderApp('/programs');

    expect(await screen.findByText(/Ohjelmia ei ole vielä/)).toBeInTheDocument();
  });

  it('when the list cannot be loaded, then the page says so and offers to try again', async () => {
    signedIn();
    server.use(http.get('/api/programs', () => problem(500, 'internal')));
    renderApp('/programs');

    expect(await screen.findByRole('alert')).toHaveTextContent('Ohjelmia ei voitu ladata.');
    expect(screen.getByRole('button', { name: 'Yritä uudelleen' })).toBeInTheDocument();
  });

  it('when a coordinator opens it, then the programmes show but there is no way to add or edit one', async () => {
    signedIn(coordinator, [buildProgram({ can: { edit: false, changeMetrics: false } })]);
    renderApp('/programs');

    expect(await screen.findByRole('article', { name: 'Kotona yhdessä' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ohjelmat' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Uusi ohjelma' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Muokkaa ohjelmaa/ })).not.toBeInTheDocument();
  });

  it('when a coordinator opens the form for a new programme, then there is no such page', async () => {
    signedIn(coordinator);
    renderApp('/programs/new');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sivua ei löydy' })).toBeInTheDocument();
  });

  it.each<Role>(['worker', 'family', 'admin'])(
    'when someone in the %s role opens programmes, then there is no link, no such page and nothing is asked for',
    async (role) => {
      let asked = false;
      server.use(
        http.get('/api/auth/me', () => HttpResponse.json(buildCurrentUser({ role }))),
        http.get('/api/programs*', () => {
          asked = true;
          return problem(403, 'forbidden');
        }),
      );
      renderApp(`/programs/${programId}`);

      expect(await screen.findByRole('heading', { level: 1, name: 'Sivua ei löydy' })).toBeInTheDocument();
      expect(screen.queryByRole('link', { name: 'Ohjelmat' })).not.toBeInTheDocument();
      expect(asked).toBe(false);
    },
  );
});

describe('a new programme', () => {
  it('when the manager saves an empty form, then each missing field says what it needs and nothing is sent; filled in, the programme is created as the contract says', async () => {
    signedIn();
    const sent: unknown[] = [];
    server.use(
      http.post('/api/programs', async ({ request }) => {
        sent.push(await request.json());
        return sent.length === 1
          ? problem(400, 'validation_failed', { errors: [{ path: 'body.metrics.0.definition.months', message: 'Too big' }] })
          : HttpResponse.json(buildProgram(), { status: 201 });
      }),
    );
    const { user, router } = renderApp('/programs/new');

    await screen.findByRole('heading', { level: 1, name: 'Uusi ohjelma' });
    await user.click(await screen.findByRole('button', { name: 'Luo ohjelma' }));
    expect(screen.getByRole('textbox', { name: 'Ohjelman nimi' })).toHaveAccessibleDescription(/Kirjoita nimi/);
    expect(screen.getByLabelText(/^Alkaa/)).toHaveAccessibleDescription('Valitse alkamispäivä.');
    expect(screen.getByRole('textbox', { name: 'Maksaja 1' })).toHaveAccessibleDescription(/Kirjoita nimi/);
    expect(screen.getByRole('textbox', { name: 'Lähtötaso (%)' })).toHaveAccessibleDescription('Anna prosentteina 0–100.');
    expect(screen.getByRole('alert')).toHaveTextContent('Tarkista merkityt kentät.');
    expect(sent).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Ohjelman nimi' }), 'Kotona yhdessä');
    await user.type(screen.getByRole('textbox', { name: /^Tuottaja/ }), 'SOS-Lapsikylä');
    // A whole date at once: typing it key by key redraws the calendar each time.
    await user.click(screen.getByLabelText(/^Alkaa/));
    await user.paste('1.1.2025');
    await user.click(screen.getByLabelText(/^Päättyy/));
    await user.paste('31.12.2028');
    await user.clear(screen.getByRole('textbox', { name: 'Lapsen ikä enintään' }));
    await user.type(screen.getByRole('textbox', { name: 'Lapsen ikä enintään' }), '12');
    await user.type(screen.getByRole('textbox', { name: 'Maksaja 1' }), 'Varkaus');
    await user.click(screen.getByRole('button', { name: 'Lisää maksaja' }));
    await user.type(screen.getByRole('textbox', { name: 'Maksaja 2' }), 'Leppävirta');
    await user.type(screen.getByRole('textbox', { name: 'Mittarin nimi' }), 'Kotona asuminen');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Miten tulos lasketaan' }), 'Lapsi asuu kotona');
    await user.type(screen.getByRole('combobox', { name: /^Sijoituspalvelut/ }), 'Sijais');
    // jsdom runs no transitions: the open list stays hidden to the accessibility tree.
    await user.click(await screen.findByRole('option', { name: 'Sijaishuolto', hidden: true }));
    await user.type(screen.getByRole('textbox', { name: 'Lähtötaso (%)' }), '60');
    await user.type(screen.getByRole('textbox', { name: 'Tavoite (%)' }), '75');
    await user.type(screen.getByRole('textbox', { name: 'Maksu tuloksesta (€)' }), '15000');
    await user.click(screen.getByRole('button', { name: 'Luo ohjelma' }));

    // The server's refusal of one field shows on that field.
    expect(await screen.findByRole('textbox', { name: /^Kuukautta liittymisestä/ })).toHaveAccessibleDescription(
      /Anna kuukausina 1–60\./,
    );
    await user.click(screen.getByRole('button', { name: 'Luo ohjelma' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/programs/${programId}`));
    expect(sent[1]).toEqual({
      name: 'Kotona yhdessä',
      provider: 'SOS-Lapsikylä',
      description: '',
      targetGroup: { description: '', childAgeMin: 0, childAgeMax: 12 },
      startsOn: '2025-01-01',
      endsOn: '2028-12-31',
      payers: ['Varkaus', 'Leppävirta'],
      metrics: [
        {
          name: 'Kotona asuminen',
          definition: { kind: 'lives_at_home', months: 12, placementServiceIds: [placementId] },
          baselineRate: 60,
          targetRate: 75,
          paymentCents: 1_500_000,
        },
      ],
    });
  });

  it('when the programme would end before it starts, then the end date says so', async () => {
    signedIn();
    const { user } = renderApp('/programs/new');

    // A whole date at once: typing it key by key redraws the calendar each time.
    await user.click(await screen.findByLabelText(/^Alkaa/));
    await user.paste('1.6.2026');
    await user.click(screen.getByLabelText(/^Päättyy/));
    await user.paste('1.5.2026');
    await user.click(screen.getByRole('button', { name: 'Luo ohjelma' }));
    expect(screen.getByLabelText(/^Päättyy/)).toHaveAccessibleDescription(
      'Valitse päättymispäivä, joka ei ole ennen alkamispäivää.',
    );
  });
});

describe('editing a programme', () => {
  it('when someone else saved first, then the form shows what is saved now, and the change is saved on top of it with the new version and without the unchanged metrics', async () => {
    signedIn();
    const sent: Record<string, unknown>[] = [];
    const savedNow = buildProgram({ name: 'Kotona yhdessä 2025–2028', provider: 'SOS-Lapsikylä ry', version: 3 });
    server.use(
      http.patch(`/api/programs/${programId}`, async ({ request }) => {
        sent.push((await request.json()) as Record<string, unknown>);
        return sent.length === 1
          ? problem(409, 'version_conflict', { current: savedNow })
          : HttpResponse.json({ ...savedNow, name: 'Kotona yhdessä – Varkaus', version: 4 });
      }),
    );
    const { user, router } = renderApp(`/programs/${programId}/edit`);

    const name = await screen.findByRole('textbox', { name: 'Ohjelman nimi' });
    expect(screen.getByRole('list', { name: 'Tallennetut maksajat' })).toHaveTextContent('VarkausLeppävirta');
    await user.clear(name);
    await user.type(name, 'Kotona yhdessä – Varkaus');
    await user.click(screen.getByRole('button', { name: 'Lisää maksaja' }));
    await user.type(screen.getByRole('textbox', { name: 'Maksaja 3' }), 'Pieksämäki');
    await user.click(screen.getByRole('button', { name: 'Tallenna muutokset' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Joku muutti tätä samaan aikaan');
    expect(alert).toHaveTextContent('Kotona yhdessä 2025–2028 · SOS-Lapsikylä ry');
    expect(sent[0]).toMatchObject({ version: 2, name: 'Kotona yhdessä – Varkaus', addPayers: ['Pieksämäki'] });
    expect(sent[0]).not.toHaveProperty('metrics');

    await user.click(within(alert).getByRole('button', { name: 'Tallenna oma muutokseni tämän päälle' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/programs/${programId}`));
    expect(sent[1]).toMatchObject({ version: 3, name: 'Kotona yhdessä – Varkaus', addPayers: ['Pieksämäki'] });
  });

  it('when a family is enrolled meanwhile, then changed metrics are refused in plain words, shown as saved, and the other changes save without them', async () => {
    signedIn();
    let enrolled = false;
    const sent: Record<string, unknown>[] = [];
    server.use(
      http.get(`/api/programs/${programId}`, () =>
        HttpResponse.json(buildProgram({ can: { edit: true, changeMetrics: !enrolled } })),
      ),
      http.patch(`/api/programs/${programId}`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        if (body.metrics) {
          enrolled = true;
          return problem(409, 'program_metrics_fixed');
        }
        return HttpResponse.json(buildProgram({ can: { edit: true, changeMetrics: false } }));
      }),
    );
    const { user, router } = renderApp(`/programs/${programId}/edit`);

    const payments = await screen.findAllByRole('textbox', { name: 'Maksu tuloksesta (€)' });
    expect(payments[0]).toHaveValue('15 000');
    await user.clear(payments[0]!);
    await user.type(payments[0]!, '16000');
    await user.click(screen.getByRole('button', { name: 'Tallenna muutokset' }));

    expect(await screen.findByText(/Ohjelmaan liitettiin juuri perhe/)).toBeInTheDocument();
    expect((sent[0]!.metrics as { paymentCents: number }[])[0]!.paymentCents).toBe(1_600_000);
    expect(await screen.findByText(/Mittareita ei voi enää muuttaa, koska ohjelmaan on liitetty perhe/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Maksu tuloksesta (€)' })).not.toBeInTheDocument();
    expect(screen.getByText(/maksu 15 000,00 € jokaisesta saavutetusta tuloksesta/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Tallenna muutokset' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/programs/${programId}`));
    expect(sent[1]).not.toHaveProperty('metrics');
  });

  it('when the programme has families already, then its metrics are shown in words with the reason they cannot change', async () => {
    signedIn();
    server.use(
      http.get(`/api/programs/${programId}`, () =>
        HttpResponse.json(buildProgram({ can: { edit: true, changeMetrics: false } })),
      ),
    );
    renderApp(`/programs/${programId}/edit`);

    expect(await screen.findByText(/Mittareita ei voi enää muuttaa/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Kotona asuminen' })).toBeInTheDocument();
    expect(screen.getByText(/näistä palveluista .*: Sijaishuolto\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lisää mittari' })).not.toBeInTheDocument();
  });
});
