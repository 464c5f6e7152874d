import { act, screen, waitFor, within } from '@testing-library/react';
import { planParts, type MeasurementList, type Plan } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import { FakeSocket } from '../../test/fake-socket';
import {
  buildCurrentUser,
  buildMeasurement,
  buildMeasurementList,
  buildPlan,
  familyId,
  testId,
  type PlanReader,
} from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';
import { quietChartSizeWarnings } from '../../test/quiet-chart-warnings';

quietChartSizeWarnings();

const base = `/api/families/${familyId}`;
const users: Record<PlanReader, ReturnType<typeof buildCurrentUser>> = {
  coordinator: buildCurrentUser(),
  worker: buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] }),
  family: buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family', email: 'anna.virtanen@example.fi' }),
};
const withoutMeasurements = planParts.filter((part) => part !== 'measurements');

/** The plan and the meter as the server has them for one reader; tests change them to play the family. */
function planApi(reader: PlanReader, { plan = buildPlan({}, reader), list = buildMeasurementList() } = {}) {
  const state: { plan: Plan; list: MeasurementList; meterReads: number } = { plan, list, meterReads: 0 };
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(users[reader])),
    http.get(`${base}/plan`, () => HttpResponse.json(state.plan)),
    http.get(`${base}/measurements`, () => {
      state.meterReads += 1;
      return HttpResponse.json(state.list);
    }),
    ...planPartHandlers(),
  );
  return state;
}

const meterSection = () => screen.findByRole('region', { name: 'Hyvinvointimittari' });

describe('plan route, the wellbeing meter', () => {
  it('when the family opens its plan before its first meter, then the plan asks for it and takes it there', async () => {
    planApi('family', { list: buildMeasurementList({ prompt: { occasion: 'start' }, can: { record: true } }) });
    const { user, router } = renderApp(`/families/${familyId}?section=story`);

    const prompt = await screen.findByRole('region', { name: 'Miten teillä menee?' });
    expect(prompt).toHaveTextContent('Siihen menee noin minuutti.');
    expect(within(await meterSection()).getByText('Ette ole vielä täyttäneet mittaria.')).toBeInTheDocument();
    await user.click(within(prompt).getByRole('link', { name: 'Täytä mittari' }));
    expect(router.state.location.pathname).toBe(`/families/${familyId}/measurements`);
  });

  it('when a plan review has been completed since the last meter, then the family is asked again, with the day of the review', async () => {
    planApi('family', {
      list: buildMeasurementList({
        measurements: [buildMeasurement(3)],
        prompt: { occasion: 'review', reviewCompletedAt: '2026-04-14T10:00:00.000Z' },
        can: { record: true },
      }),
    });
    renderApp(`/families/${familyId}?section=story`);

    const prompt = await screen.findByRole('region', { name: 'Suunnitelma arvioitiin – miten teillä menee nyt?' });
    expect(prompt).toHaveTextContent('Arviointipalaveri pidettiin 14.4.2026.');
  });

  it('when nothing is asked, then there is no prompt, only the family’s line', async () => {
    planApi('family', { list: buildMeasurementList({ measurements: [buildMeasurement(3)], can: { record: true } }) });
    renderApp(`/families/${familyId}?section=story`);

    const section = await meterSection();
    expect(await within(section).findByRole('table', { name: 'Arki: kaikki vastaukset' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Miten teillä menee?' })).not.toBeInTheDocument();
  });

  it("when a worker's service does not have the family's consent, then the section says it is not shared and nothing is read", async () => {
    const api = planApi('worker', { plan: buildPlan({ sharedParts: withoutMeasurements }, 'worker') });
    renderApp(`/families/${familyId}?section=story`);

    expect(await meterSection()).toHaveTextContent('Perhe ei ole jakanut hyvinvointimittarin tuloksia palvelullesi.');
    expect(api.meterReads).toBe(0);
  });

  it('when the family withdraws the consent while the worker has the plan open, then the line goes at once', async () => {
    const api = planApi('worker', {
      list: buildMeasurementList({
        measurements: [buildMeasurement(2, { id: testId(951), takenOn: '2026-01-10' }), buildMeasurement(4)],
      }),
    });
    const socket = new FakeSocket();
    renderApp(`/families/${familyId}?section=story`, { socket });

    const section = await meterSection();
    expect(await within(section).findAllByRole('cell', { name: 'Anna Virtanen' })).toHaveLength(2);
    expect(within(section).queryByRole('link', { name: 'Täytä hyvinvointimittari' })).not.toBeInTheDocument();
    await waitFor(() => expect(socket.joined).toEqual([familyId]));

    api.plan = buildPlan({ sharedParts: withoutMeasurements }, 'worker');
    act(() => socket.receive({ type: 'consent.changed', familyId, id: familyId, version: 2, seq: 9 }));

    await waitFor(() => expect(section).toHaveTextContent('Perhe ei ole jakanut hyvinvointimittarin tuloksia palvelullesi.'));
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
  });
});
