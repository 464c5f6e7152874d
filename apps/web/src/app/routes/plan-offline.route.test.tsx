import { onlineManager } from '@tanstack/react-query';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { requestTimeLimits } from '../../lib/api-client';
import { renderApp } from '../testing/render-app';
import type { Action, PlanAction } from '@yhdessa/shared';
import {
  buildAction,
  buildCoordinatorWorkspace,
  buildCurrentUser,
  buildNote,
  buildPlan,
  buildStory,
  familyId,
  testId,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

const base = `/api/families/${familyId}`;
const planPath = `/families/${familyId}`;
// A section is drawn when first shown: a test opens the plan at the section it works in.
const notesPath = `${planPath}?section=notes`;
const servicesPath = `${planPath}?section=services`;
const actionPath = `${base}/actions/${testId(300)}`;
const sari = buildCurrentUser();
const olli = buildCurrentUser({ id: testId(9), email: 'olli.koordinaattori@varkaus-demo.fi', name: 'Olli Räsänen' });

/** The action as the server has it now: the plan is read with it. */
let serverAction: Action;
beforeEach(() => {
  serverAction = buildAction();
});

function planApi(user = sari) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get('/api/workspace', () => HttpResponse.json(buildCoordinatorWorkspace())),
    ...planPartHandlers(),
    http.get(`${base}/plan`, () => {
      const plan = buildPlan();
      const withServerAction = (action: PlanAction) => (action.id === serverAction.id ? { ...action, ...serverAction } : action);
      return HttpResponse.json({
        ...plan,
        serviceRoles: plan.serviceRoles.map((role) => ({ ...role, actions: role.actions.map(withServerAction) })),
      });
    }),
  );
}

/** Every status change the server received; an accepted one changes the action on the server. */
function recordStatusChanges(answer: (body: { status: string; version: number }) => Action | Response) {
  const sent: unknown[] = [];
  server.use(
    http.patch(actionPath, async ({ request }) => {
      const body = (await request.json()) as { status: string; version: number };
      sent.push(body);
      const answered = answer(body);
      if (answered instanceof Response) return answered;
      serverAction = answered;
      return HttpResponse.json(answered);
    }),
  );
  return sent;
}

const statusSelect = () => screen.findByRole('combobox', { name: 'Tila: Kotikäynti kahden viikon välein' });
const storedEdits = () => Object.keys(window.localStorage).filter((key) => key.startsWith('yhdessa.pendingEdits.'));
const goOnline = (online: boolean) => act(() => onlineManager.setOnline(online));

/**
 * A new page, which needs the connection to load: the old screen and its client go first (so
 * they send nothing), then a new client starts from what the browser kept.
 */
function reload(path = planPath) {
  cleanup();
  onlineManager.setOnline(true);
  return renderApp(path);
}

const writeLimit = requestTimeLimits.write;
afterEach(() => {
  requestTimeLimits.write = writeLimit;
  onlineManager.setOnline(true);
  window.sessionStorage.clear();
});

describe('saves that get no answer', () => {
  it('when a note gets no answer in time, then the form says so and "Try again" sends the same note again', async () => {
    planApi();
    requestTimeLimits.write = 200;
    const bodies: unknown[] = [];
    server.use(
      http.post(`${base}/notes`, async ({ request }) => {
        bodies.push(await request.json());
        if (bodies.length === 1) await delay(2_000);
        return HttpResponse.json(buildNote({ id: testId(701), body: 'Palaveri sovittu.' }), { status: 201 });
      }),
    );
    const { user } = renderApp(notesPath);
    const section = await screen.findByRole('region', { name: 'Kirjaukset' });
    await user.type(within(section).getByRole('textbox', { name: /Uusi kirjaus/ }), 'Palaveri sovittu.');
    await user.click(within(section).getByRole('button', { name: 'Tallenna kirjaus' }));

    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('Palvelin ei vastannut ajoissa');
    expect(within(section).getByRole('textbox', { name: /Uusi kirjaus/ })).toHaveValue('Palaveri sovittu.');
    await user.click(within(alert).getByRole('button', { name: 'Yritä uudelleen' }));

    expect(await within(section).findByRole('status')).toHaveTextContent('Kirjaus tallennettu.');
    expect(bodies).toEqual([
      { body: 'Palaveri sovittu.', visibility: 'professionals', serviceRoleId: null },
      { body: 'Palaveri sovittu.', visibility: 'professionals', serviceRoleId: null },
    ]);
  });

  it('when a status change cannot reach the server, then it says so and "Try again" sends the same change', async () => {
    planApi();
    const sent = recordStatusChanges(() =>
      sent.length === 1 ? HttpResponse.error() : buildAction({ status: 'done', version: 2 }),
    );
    const { user } = renderApp(servicesPath);
    await user.selectOptions(await statusSelect(), 'Tehty');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Palvelimeen ei saatu yhteyttä');
    expect(await statusSelect()).toHaveValue('planned');
    await user.click(within(alert).getByRole('button', { name: 'Yritä uudelleen' }));

    await waitFor(async () => expect(await statusSelect()).toHaveValue('done'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sent).toEqual([
      { status: 'done', version: 1 },
      { status: 'done', version: 1 },
    ]);
  });

  it('when the server refuses for good, then no "Try again" is offered', async () => {
    planApi();
    recordStatusChanges(() => problem(403, 'forbidden'));
    const { user } = renderApp(servicesPath);
    await user.selectOptions(await statusSelect(), 'Tehty');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sinulla ei ole oikeutta muuttaa tätä tehtävää');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('edits made offline', () => {
  it('when a status is changed offline, then it waits on the action and in the header, survives a reload and is sent once the connection is back', async () => {
    planApi();
    const sent = recordStatusChanges(() => buildAction({ status: 'done', version: 2 }));
    const first = renderApp(servicesPath);
    await statusSelect();
    goOnline(false);
    await first.user.selectOptions(await statusSelect(), 'Tehty');

    expect(await screen.findByText('Odottaa yhteyttä')).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByRole('status')).toHaveTextContent('1 muutos odottaa yhteyttä');
    expect(storedEdits()).toHaveLength(1);
    expect(sent).toEqual([]);

    reload(servicesPath);
    await waitFor(() => expect(sent).toEqual([{ status: 'done', version: 1 }]));
    // The edit may be sent before the reloaded page has drawn its header.
    const header = await screen.findByRole('banner');
    await waitFor(() => expect(screen.queryByText('Odottaa yhteyttä')).not.toBeInTheDocument());
    expect(within(header).queryByRole('status')).not.toBeInTheDocument();
    expect(await statusSelect()).toHaveValue('done');
    expect(storedEdits().map((key) => JSON.parse(window.localStorage.getItem(key) ?? '{}').clientState.mutations)).toEqual([[]]);
  });

  it('when the status is changed twice offline, then one change is sent, the latest', async () => {
    planApi();
    const sent = recordStatusChanges(() => buildAction({ status: 'in_progress', version: 2 }));
    const { user } = renderApp(servicesPath);
    await statusSelect();
    goOnline(false);
    await user.selectOptions(await statusSelect(), 'Tehty');
    await user.selectOptions(await statusSelect(), 'Työn alla');
    expect(within(screen.getByRole('banner')).getByRole('status')).toHaveTextContent('1 muutos odottaa yhteyttä');

    goOnline(true);
    await waitFor(() => expect(sent).toEqual([{ status: 'in_progress', version: 1 }]));
  });

  it('when a note is written offline, then it is listed as waiting, survives a reload and is sent once the connection is back', async () => {
    planApi();
    const created: unknown[] = [];
    const notes = [buildNote()];
    server.use(
      http.get(`${base}/notes`, () => HttpResponse.json({ notes, nextBefore: null })),
      http.post(`${base}/notes`, async ({ request }) => {
        created.push(await request.json());
        notes.unshift(buildNote({ id: testId(701), body: 'Kirjoitettu junassa.' }));
        return HttpResponse.json(notes[0], { status: 201 });
      }),
    );
    const first = renderApp(notesPath);
    let section = await screen.findByRole('region', { name: 'Kirjaukset' });
    await within(section).findByText('Kotikäynti sovittu.');
    goOnline(false);
    await first.user.type(within(section).getByRole('textbox', { name: /Uusi kirjaus/ }), 'Kirjoitettu junassa.');
    await first.user.click(within(section).getByRole('button', { name: 'Tallenna kirjaus' }));

    const waiting = await within(section).findByRole('list', { name: 'Lähettämättömät kirjaukset' });
    expect(waiting).toHaveTextContent('Kirjoitettu junassa.');
    expect(waiting).toHaveTextContent('Odottaa yhteyttä');
    expect(within(section).getByRole('textbox', { name: /Uusi kirjaus/ })).toHaveValue('');
    expect(within(section).getByText(/lähtee, kun yhteys palaa/)).toBeInTheDocument();

    expect(created).toEqual([]);

    reload(notesPath);
    section = await screen.findByRole('region', { name: 'Kirjaukset' });
    await waitFor(() =>
      expect(created).toEqual([{ body: 'Kirjoitettu junassa.', visibility: 'professionals', serviceRoleId: null }]),
    );
    await waitFor(() =>
      expect(within(section).queryByRole('list', { name: 'Lähettämättömät kirjaukset' })).not.toBeInTheDocument(),
    );
    expect(await within(section).findByText('Kirjoitettu junassa.')).toBeInTheDocument();
  });

  it("when a goal's progress is written offline, then it waits under the goal and is sent when the connection returns", async () => {
    planApi();
    const goal = buildPlan().goals[0]!;
    const entries: unknown[] = [];
    server.use(
      http.post(`${base}/goals/${goal.id}/progress`, async ({ request }) => {
        entries.push(await request.json());
        return HttpResponse.json(goal, { status: 201 });
      }),
    );
    const { user } = renderApp(planPath);
    const goals = await screen.findByRole('region', { name: 'Tavoitteet' });
    goOnline(false);
    await user.click(within(goals).getByRole('button', { name: 'Kirjaa edistyminen' }));
    const form = await within(goals).findByRole('form', { name: `Edistyminen: ${goal.title}` });
    await user.clear(within(form).getByLabelText(/Päivä/));
    await user.type(within(form).getByLabelText(/Päivä/), '12.1.2026');
    await user.type(within(form).getByRole('textbox', { name: /Miten menee/ }), '3/5');
    await user.click(within(form).getByRole('button', { name: 'Tallenna kirjaus' }));

    expect(within(goals).queryByRole('form', { name: `Edistyminen: ${goal.title}` })).not.toBeInTheDocument();
    expect(await within(goals).findByText('12.1.2026: 3/5')).toBeInTheDocument();
    expect(within(goals).getByText('Odottaa yhteyttä')).toBeInTheDocument();
    expect(entries).toEqual([]);

    goOnline(true);
    await waitFor(() => expect(entries).toEqual([{ recordedOn: '2026-01-12', value: '3/5', note: '' }]));
    await waitFor(() => expect(within(goals).queryByText('Odottaa yhteyttä')).not.toBeInTheDocument());
  });

  it('when an offline change meets a newer one after the reload, then the conflict is shown and mine can be reapplied', async () => {
    planApi();
    const sent = recordStatusChanges((body) =>
      body.version === 1
        ? problem(409, 'version_conflict', { current: serverAction })
        : buildAction({ status: 'done', version: 5 }),
    );
    const first = renderApp(servicesPath);
    await statusSelect();
    goOnline(false);
    await first.user.selectOptions(await statusSelect(), 'Tehty');
    await screen.findByText('Odottaa yhteyttä');
    // Meanwhile someone else moves the action on.
    serverAction = buildAction({ status: 'in_progress', version: 4 });

    const { user } = reload(servicesPath);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Joku muutti tätä juuri');
    expect(await statusSelect()).toHaveValue('in_progress');
    await user.click(within(alert).getByRole('button', { name: 'Vaihda silti tilaksi Tehty' }));
    await waitFor(async () => expect(await statusSelect()).toHaveValue('done'));
    expect(sent).toEqual([
      { status: 'done', version: 1 },
      { status: 'done', version: 4 },
    ]);
  });

  it('when the user signs out, then the waiting edits and drafts are gone from the browser', async () => {
    planApi();
    const sent = recordStatusChanges(() => buildAction({ status: 'done', version: 2 }));
    server.use(http.post('/api/auth/logout', () => new HttpResponse(null, { status: 204 })));
    const { user } = renderApp(notesPath);
    const section = await screen.findByRole('region', { name: 'Kirjaukset' });
    await user.click(screen.getByRole('tab', { name: 'Palvelut ja tehtävät' }));
    await statusSelect();
    goOnline(false);
    await user.selectOptions(await statusSelect(), 'Tehty');
    await screen.findByText('Odottaa yhteyttä');
    await user.type(within(section).getByRole('textbox', { name: /Uusi kirjaus/ }), 'Luonnos');
    expect(storedEdits()).toHaveLength(1);
    expect(Object.keys(window.sessionStorage)).toHaveLength(1);

    // The browser thinks it is offline, but the server answers the sign-out.
    server.use(http.get('/api/auth/me', () => problem(401, 'unauthenticated')));
    await user.click(screen.getByRole('button', { name: /Käyttäjävalikko/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Kirjaudu ulos' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kirjaudu sisään' })).toBeInTheDocument();
    expect(storedEdits()).toEqual([]);
    expect(Object.keys(window.sessionStorage)).toEqual([]);
    goOnline(true);
    await delay(100);
    expect(sent).toEqual([]);
  });

  it('when another account signs in on the same browser, then it never gets the waiting edits nor the drafts', async () => {
    planApi();
    const sent = recordStatusChanges(() => buildAction({ status: 'done', version: 2 }));
    const first = renderApp(notesPath);
    const section = await screen.findByRole('region', { name: 'Kirjaukset' });
    await first.user.type(within(section).getByRole('textbox', { name: /Uusi kirjaus/ }), 'Sarin luonnos');
    await first.user.click(screen.getByRole('tab', { name: 'Palvelut ja tehtävät' }));
    await statusSelect();
    goOnline(false);
    await first.user.selectOptions(await statusSelect(), 'Tehty');
    await screen.findByText('Odottaa yhteyttä');

    planApi(olli);
    const again = reload(notesPath);
    const notesAgain = await screen.findByRole('region', { name: 'Kirjaukset' });
    await again.user.click(screen.getByRole('tab', { name: 'Palvelut ja tehtävät' }));
    expect(await statusSelect()).toHaveValue('planned');
    expect(within(notesAgain).getByRole('textbox', { name: /Uusi kirjaus/ })).toHaveValue('');
    await waitFor(() => expect(storedEdits().every((key) => !window.localStorage.getItem(key)?.includes('done'))).toBe(true));
    expect(Object.keys(window.sessionStorage)).toEqual([]);
    expect(screen.queryByText('Odottaa yhteyttä')).not.toBeInTheDocument();
    expect(sent).toEqual([]);
  });
});

describe('an ended session, and unsaved input', () => {
  /** The server no longer knows the session: every request is refused until someone signs in. */
  function endSession() {
    server.use(
      http.get('/api/auth/me', () => problem(401, 'unauthenticated')),
      http.get(`${base}/plan`, () => problem(401, 'unauthenticated')),
    );
  }

  async function signInAgain(user: ReturnType<typeof renderApp>['user'], as = sari) {
    planApi(as);
    server.use(http.post('/api/auth/login', () => HttpResponse.json(as)));
    await user.type(await screen.findByLabelText('Sähköposti'), as.email);
    await user.type(screen.getByLabelText('Salasana'), 'Yhdessa-demo-2026');
    await user.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));
  }

  it('when the session ends while a note is being written, then sign-in says so and returns to the same screen with the note as it was', async () => {
    planApi();
    const { user, router, socket } = renderApp(`${planPath}?section=notes`);
    const section = await screen.findByRole('region', { name: 'Kirjaukset' });
    await user.type(within(section).getByRole('textbox', { name: /Uusi kirjaus/ }), 'Puolikas ajatus');

    endSession();
    // Someone else's change makes the screen read the plan again, and the server refuses.
    act(() => socket.receive({ type: 'action.created', familyId, id: testId(301), version: 1, seq: 7 }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Istuntosi päättyi. Kirjaudu uudelleen jatkaaksesi');
    expect(router.state.location.pathname).toBe('/sign-in');

    await signInAgain(user);
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search).toBe(`${planPath}?section=notes`));
    const again = await screen.findByRole('region', { name: 'Kirjaukset' });
    expect(within(again).getByRole('textbox', { name: /Uusi kirjaus/ })).toHaveValue('Puolikas ajatus');
  });

  it('when a note is sent after the session ended, then it waits and is sent once the same account signs in again', async () => {
    planApi();
    const created: unknown[] = [];
    server.use(
      http.post(`${base}/notes`, async ({ request }) => {
        created.push(await request.json());
        return created.length === 1
          ? problem(401, 'unauthenticated')
          : HttpResponse.json(buildNote({ id: testId(701), body: 'Soitin koululle.' }), { status: 201 });
      }),
    );
    const { user, router } = renderApp(`${planPath}?section=notes`);
    const section = await screen.findByRole('region', { name: 'Kirjaukset' });
    await user.type(within(section).getByRole('textbox', { name: /Uusi kirjaus/ }), 'Soitin koululle.');
    endSession();
    await user.click(within(section).getByRole('button', { name: 'Tallenna kirjaus' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Istuntosi päättyi');
    expect(storedEdits().some((key) => window.localStorage.getItem(key)?.includes('Soitin koululle.'))).toBe(true);
    expect(created).toHaveLength(1);

    await signInAgain(user);
    await waitFor(() => expect(created).toHaveLength(2));
    expect(created[1]).toEqual(created[0]);
    expect(router.state.location.search).toBe('?section=notes');
    expect(
      within(await screen.findByRole('region', { name: 'Kirjaukset' })).getByRole('textbox', { name: /Uusi kirjaus/ }),
    ).toHaveValue('');
  });

  it('when another account signs in after the session ended, then the waiting note is dropped, never sent in its name', async () => {
    planApi();
    const created: unknown[] = [];
    server.use(
      http.post(`${base}/notes`, async ({ request }) => {
        created.push(await request.json());
        return problem(401, 'unauthenticated');
      }),
    );
    const { user } = renderApp(`${planPath}?section=notes`);
    const section = await screen.findByRole('region', { name: 'Kirjaukset' });
    await user.type(within(section).getByRole('textbox', { name: /Uusi kirjaus/ }), 'Soitin koululle.');
    endSession();
    await user.click(within(section).getByRole('button', { name: 'Tallenna kirjaus' }));
    await screen.findByRole('alert');

    await signInAgain(user, olli);
    await screen.findByRole('region', { name: 'Kirjaukset' });
    await waitFor(() => expect(storedEdits().some((key) => window.localStorage.getItem(key)?.includes('Soitin'))).toBe(false));
    expect(created).toHaveLength(1);
    expect(screen.queryByText('Soitin koululle.')).not.toBeInTheDocument();
  });

  it('when the story was being edited and the page is loaded again, then the edit reopens with its text and a story saved meanwhile comes up as a conflict', async () => {
    planApi();
    let story = buildStory();
    const puts: unknown[] = [];
    server.use(
      http.get(`${base}/story`, () => HttpResponse.json(story)),
      http.put(`${base}/story`, async ({ request }) => {
        const body = (await request.json()) as { version: number };
        puts.push(body);
        return body.version === story.version ? HttpResponse.json(story) : problem(409, 'version_conflict', { current: story });
      }),
    );
    const first = renderApp(`${planPath}?section=story`);
    const region = await screen.findByRole('region', { name: 'Perheen tarina' });
    await first.user.click(await within(region).findByRole('button', { name: 'Muokkaa tarinaa' }));
    const situation = within(region).getByRole('textbox', { name: /Tilanne nyt/ });
    await first.user.clear(situation);
    await first.user.type(situation, 'Aamut sujuvat jo.');

    // Meanwhile Olli saves the story.
    story = buildStory({ situation: 'Eetu käy koulua.', version: 3, updatedBy: { id: olli.id, name: olli.name } });
    const { user } = reload(`${planPath}?section=story`);
    const again = await screen.findByRole('region', { name: 'Perheen tarina' });
    expect(await within(again).findByRole('textbox', { name: /Tilanne nyt/ })).toHaveValue('Aamut sujuvat jo.');
    await user.click(within(again).getByRole('button', { name: 'Tallenna tarina' }));

    expect(await within(again).findByRole('alert')).toHaveTextContent('Olli Räsänen tallensi tarinan');
    expect(puts).toEqual([expect.objectContaining({ situation: 'Aamut sujuvat jo.', version: 2 })]);
  });
});
