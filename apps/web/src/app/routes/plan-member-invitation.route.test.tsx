import { cleanup, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { findPlanRegion } from '../testing/plan-regions';
import { renderApp } from '../testing/render-app';
import { buildCurrentUser, buildPlan, familyId, testId } from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

const planPath = `/families/${familyId}`;
const guardianId = testId(500);

function planApi(user = buildCurrentUser(), plan = buildPlan()) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get(`/api/families/${familyId}/plan`, () => HttpResponse.json(plan)),
    ...planPartHandlers(),
  );
}

async function openInviteForm() {
  const { user } = renderApp(planPath);
  const members = await findPlanRegion('Perheenjäsenet');
  await user.click(await within(members).findByRole('button', { name: 'Kutsu perheenjäsen' }));
  // The form's code loads when it is opened.
  await within(members).findByRole('button', { name: 'Lähetä kutsu' });
  return { user, members };
}

describe('plan: inviting a family member', () => {
  it('when the coordinator invites a guardian, then the member and the address are sent and the notice says until when the link works', async () => {
    planApi();
    let sent: unknown;
    server.use(
      http.post('/api/invitations', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ id: testId(700), expiresAt: '2026-01-13T10:00:00.000Z' }, { status: 201 });
      }),
    );
    const { user, members } = await openInviteForm();

    await user.click(within(members).getByRole('button', { name: 'Lähetä kutsu' }));
    expect(within(members).getByText('Valitse perheenjäsen.')).toBeInTheDocument();
    await user.selectOptions(within(members).getByRole('combobox', { name: 'Kuka kutsutaan' }), 'Anna Virtanen (huoltaja)');
    await user.type(within(members).getByRole('textbox', { name: /Sähköposti/ }), 'anna.virtanen@');
    await user.click(within(members).getByRole('button', { name: 'Lähetä kutsu' }));
    expect(within(members).getByText('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.')).toBeInTheDocument();
    expect(sent).toBeUndefined();

    await user.type(within(members).getByRole('textbox', { name: /Sähköposti/ }), 'Example.fi ');
    await user.click(within(members).getByRole('button', { name: 'Lähetä kutsu' }));

    expect(await within(members).findByRole('status')).toHaveTextContent(
      'Linkki lähti osoitteeseen anna.virtanen@example.fi. Se toimii 13.1.2026 klo 12.00 asti.',
    );
    expect(sent).toEqual({ kind: 'family-member', familyId, memberId: guardianId, email: 'anna.virtanen@example.fi' });
    await user.click(within(members).getByRole('button', { name: 'Valmis' }));
    expect(within(members).getByRole('button', { name: 'Kutsu perheenjäsen' })).toBeInTheDocument();
  });

  it('when the address cannot be used, then the form says why and stays open with what was typed', async () => {
    planApi();
    server.use(
      http.post('/api/invitations', () =>
        problem(400, 'validation_failed', {
          errors: [{ path: 'body.email', message: 'This family member already has a login.' }],
        }),
      ),
    );
    const { user, members } = await openInviteForm();

    await user.selectOptions(within(members).getByRole('combobox', { name: 'Kuka kutsutaan' }), 'Anna Virtanen (huoltaja)');
    await user.type(within(members).getByRole('textbox', { name: /Sähköposti/ }), 'anna@example.fi');
    await user.click(within(members).getByRole('button', { name: 'Lähetä kutsu' }));

    expect(await within(members).findByRole('alert')).toHaveTextContent('Tähän osoitteeseen ei voi lähettää kutsua.');
    expect(within(members).getByRole('textbox', { name: /Sähköposti/ })).toHaveValue('anna@example.fi');
    expect(within(members).queryByRole('status')).not.toBeInTheDocument();
  });

  it('when the case was closed meanwhile, then the refusal is said plainly', async () => {
    planApi();
    server.use(http.post('/api/invitations', () => problem(409, 'case_closed')));
    const { user, members } = await openInviteForm();

    await user.selectOptions(within(members).getByRole('combobox', { name: 'Kuka kutsutaan' }), 'Eetu Virtanen (lapsi)');
    await user.type(within(members).getByRole('textbox', { name: /Sähköposti/ }), 'eetu@example.fi');
    await user.click(within(members).getByRole('button', { name: 'Lähetä kutsu' }));

    expect(await within(members).findByRole('alert')).toHaveTextContent(
      'Asiakkuus on päättynyt, joten suunnitelmaa ei voi enää muuttaa.',
    );
  });

  it('when a worker, a family member or anyone on a closed case opens the plan, then there is no invitation control', async () => {
    const closed = buildPlan({ family: { ...buildPlan().family, status: 'closed' } });
    for (const [user, plan] of [
      [buildCurrentUser({ id: testId(3), role: 'worker', serviceIds: [testId(210)] }), buildPlan({}, 'worker')],
      [buildCurrentUser({ id: testId(5), role: 'family' }), buildPlan({}, 'family')],
      [buildCurrentUser(), closed],
    ] as const) {
      planApi(user, plan);
      renderApp(planPath);
      // Who the user is decides the controls: wait until the header knows.
      expect(await screen.findByRole('button', { name: /^Käyttäjävalikko/ })).toBeInTheDocument();
      const members = await findPlanRegion('Perheenjäsenet');
      expect(within(members).queryByRole('button', { name: 'Kutsu perheenjäsen' })).not.toBeInTheDocument();
      cleanup();
    }
  });
});
