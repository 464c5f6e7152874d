import { act, configure, waitFor, within } from '@testing-library/react';
import type { Comment, CommentThread, StoryComment } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { findPlanRegion } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import { FakeSocket } from '../../test/fake-socket';
import { buildCurrentUser, buildPlan, buildStory, familyId, testId, type PlanReader } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

configure({ asyncUtilTimeout: 10_000 });
const base = `/api/families/${familyId}`;
const goalComments = `${base}/goals/${testId(400)}/comments`;
const actionComments = `${base}/actions/${testId(301)}/comments`;
const readers = {
  coordinator: buildCurrentUser(),
  family: buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family' }),
} as const;

const comment = (overrides: Partial<Comment> = {}): Comment => ({
  id: testId(900),
  body: 'Tällä viikolla kolme hyvää aamua.',
  author: { id: testId(5), name: 'Anna Virtanen' },
  createdAt: '2026-01-09T10:00:00.000Z',
  ...overrides,
});

/** The plan as `reader` sees it, with the given goal thread; what is posted to a thread is recorded. */
function planApi(reader: keyof typeof readers, goalThread: CommentThread | Response, storyComments: StoryComment[] = []) {
  const sent: { path: string; body: unknown }[] = [];
  const record = (path: string, answer: (body: Record<string, unknown>) => Response) =>
    http.post(path, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push({ path, body });
      return answer(body);
    });
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(readers[reader])),
    http.get(`${base}/plan`, () => HttpResponse.json(buildPlan({}, reader as PlanReader))),
    http.get(`${base}/story`, () => HttpResponse.json(buildStory({ comments: storyComments }))),
    http.get(goalComments, () => (goalThread instanceof Response ? goalThread : HttpResponse.json(goalThread))),
    record(goalComments, (body) => HttpResponse.json(comment({ id: testId(901), body: String(body.body) }), { status: 201 })),
    record(actionComments, (body) => HttpResponse.json(comment({ id: testId(902), body: String(body.body) }), { status: 201 })),
    record(`${base}/story/comments`, (body) =>
      HttpResponse.json({ ...storyComment(), id: testId(903), ...body }, { status: 201 }),
    ),
    record(`${base}/story/comments/${testId(950)}/resolve`, () =>
      HttpResponse.json({ ...storyComment(), resolvedAt: '2026-01-10T09:00:00.000Z', version: 2 }),
    ),
    // The first handler that matches answers: the rest of the screen after this test's own.
    ...planPartHandlers(),
  );
  return sent;
}

const storyComment = (overrides: Partial<StoryComment> = {}): StoryComment => ({
  id: testId(950),
  kind: 'correction-request',
  body: 'Muutimme jo 2019.',
  author: { id: testId(5), name: 'Anna Virtanen' },
  createdAt: '2026-01-09T10:00:00.000Z',
  resolvedAt: null,
  version: 1,
  ...overrides,
});

const goalsRegion = () => findPlanRegion('Tavoitteet');

describe('comments on goals and actions', () => {
  it('when the guardian opens a goal thread, then the comments show with who and when, and a new one is sent', async () => {
    const sent = planApi('family', { comments: [comment()], can: { comment: true } });
    const { user } = renderApp(`/families/${familyId}`);
    const goals = await goalsRegion();
    const toggle = await within(goals).findByRole('button', { name: 'Kommentit (1): Aamut sujuvat ilman riitaa' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    expect(within(goals).getByText('Tällä viikolla kolme hyvää aamua.')).toBeInTheDocument();
    expect(within(goals).getByText('9.1.2026 klo 12.00')).toBeInTheDocument();
    const field = await within(goals).findByRole('textbox', { name: 'Kirjoita kommentti' });
    await user.type(field, 'Hyvä alku!');
    expect(within(goals).getByText('10/1000 merkkiä')).toBeInTheDocument();
    await user.click(within(goals).getByRole('button', { name: 'Lähetä' }));

    await waitFor(() => expect(sent).toEqual([{ path: goalComments, body: { body: 'Hyvä alku!' } }]));
    await waitFor(() => expect(field).toHaveValue(''));
  });

  it("when nobody has commented on the family's own action yet, then the guardian can start the thread", async () => {
    const sent = planApi('family', { comments: [], can: { comment: true } });
    server.use(http.get(actionComments, () => HttpResponse.json({ comments: [], can: { comment: true } })));
    const { user } = renderApp(`/families/${familyId}`);
    const familyActions = await findPlanRegion('Perheen omat tehtävät');
    await user.click(await within(familyActions).findByRole('button', { name: 'Kommentoi: Iltarutiinin kokeilu' }));
    await user.type(await within(familyActions).findByRole('textbox', { name: 'Kirjoita kommentti' }), 'Kokeiltu kaksi iltaa');
    await user.click(within(familyActions).getByRole('button', { name: 'Lähetä' }));
    await waitFor(() => expect(sent).toEqual([{ path: actionComments, body: { body: 'Kokeiltu kaksi iltaa' } }]));
  });

  it('when the thread is read-only, then its comments show and there is no field to write in', async () => {
    planApi('family', { comments: [comment()], can: { comment: false } });
    const { user } = renderApp(`/families/${familyId}`);
    const goals = await goalsRegion();
    await user.click(await within(goals).findByRole('button', { name: 'Kommentit (1): Aamut sujuvat ilman riitaa' }));
    expect(within(goals).getByText('Kommentteja voi nyt vain lukea.')).toBeInTheDocument();
    expect(within(goals).queryByRole('textbox', { name: 'Kirjoita kommentti' })).not.toBeInTheDocument();
  });

  it('when the server refuses the thread, then no thread is offered', async () => {
    planApi('family', problem(404, 'not_found'));
    renderApp(`/families/${familyId}`);
    const goals = await goalsRegion();
    await within(goals).findByText('Aamut sujuvat ilman riitaa');
    await waitFor(() => expect(within(goals).queryByRole('button', { name: /Kommentit|Kommentoi/ })).not.toBeInTheDocument());
  });

  it('when the case closed before the comment was sent, then the guardian is told why and the text stays', async () => {
    planApi('family', { comments: [], can: { comment: true } });
    server.use(http.post(goalComments, () => problem(409, 'case_closed')));
    const { user } = renderApp(`/families/${familyId}`);
    const goals = await goalsRegion();
    await user.click(await within(goals).findByRole('button', { name: 'Kommentoi: Aamut sujuvat ilman riitaa' }));
    const field = await within(goals).findByRole('textbox', { name: 'Kirjoita kommentti' });
    await user.type(field, 'Kiitos');
    await user.click(within(goals).getByRole('button', { name: 'Lähetä' }));
    expect(await within(goals).findByRole('alert')).toHaveTextContent('Asiakkuus on päättynyt');
    expect(field).toHaveValue('Kiitos');
  });

  it("when someone else comments on a goal, then the goal's thread is read again", async () => {
    let reads = 0;
    planApi('coordinator', { comments: [], can: { comment: true } });
    server.use(
      http.get(goalComments, () => {
        reads += 1;
        return HttpResponse.json({ comments: reads > 1 ? [comment()] : [], can: { comment: true } });
      }),
    );
    const socket = new FakeSocket();
    renderApp(`/families/${familyId}`, { socket });
    const goals = await goalsRegion();
    await within(goals).findByRole('button', { name: 'Kommentoi: Aamut sujuvat ilman riitaa' });
    act(() => socket.receive({ type: 'goal.commented', familyId, id: testId(901), version: 1, seq: 9 }));
    expect(await within(goals).findByRole('button', { name: 'Kommentit (1): Aamut sujuvat ilman riitaa' })).toBeInTheDocument();
  });
});

describe("comments on the family's story", () => {
  it('when the guardian asks for a correction, then the kind and the text are sent, counted to the limit', async () => {
    const sent = planApi('family', { comments: [], can: { comment: false } });
    const { user } = renderApp(`/families/${familyId}`);
    const story = await findPlanRegion('Perheen tarina');
    expect(await within(story).findByText(/Tarinaan ei ole vielä kommentteja/)).toBeInTheDocument();
    await user.click(within(story).getByRole('radio', { name: 'Pyytää korjausta' }));
    const field = within(story).getByRole('textbox', { name: 'Mitä pitäisi korjata?' });
    await user.type(field, 'Muutimme 2019.');
    expect(within(story).getByText('14/2000 merkkiä')).toBeInTheDocument();
    await user.click(within(story).getByRole('button', { name: 'Lähetä' }));
    await waitFor(() =>
      expect(sent).toEqual([{ path: `${base}/story/comments`, body: { kind: 'correction-request', body: 'Muutimme 2019.' } }]),
    );
  });

  it('when the coordinator reads an open correction request, then they mark it handled with its version', async () => {
    const sent = planApi('coordinator', { comments: [], can: { comment: false } }, [storyComment()]);
    const { user } = renderApp(`/families/${familyId}`);
    const story = await findPlanRegion('Perheen tarina');
    expect(await within(story).findByText('Muutimme jo 2019.')).toBeInTheDocument();
    expect(within(story).getByText('Korjauspyyntö')).toBeInTheDocument();
    // The coordinator resolves; only the family writes comments.
    expect(within(story).queryByRole('textbox', { name: 'Kommenttisi' })).not.toBeInTheDocument();
    await user.click(within(story).getByRole('button', { name: 'Merkitse käsitellyksi: Anna Virtanen' }));
    await waitFor(() => expect(sent).toEqual([{ path: `${base}/story/comments/${testId(950)}/resolve`, body: { version: 1 } }]));
  });

  it('when a correction request was handled, then the guardian sees when, and no one is offered to handle it again', async () => {
    planApi('family', { comments: [], can: { comment: false } }, [
      storyComment({ resolvedAt: '2026-01-10T09:00:00.000Z', version: 2 }),
    ]);
    renderApp(`/families/${familyId}`);
    const story = await findPlanRegion('Perheen tarina');
    expect(await within(story).findByText('Käsitelty 10.1.2026')).toBeInTheDocument();
    expect(within(story).queryByRole('button', { name: /Merkitse käsitellyksi/ })).not.toBeInTheDocument();
  });
});
