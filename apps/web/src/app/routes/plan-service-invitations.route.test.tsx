import { configure, screen, waitFor, within } from '@testing-library/react';
import { invitationMessageMaxLength, type CurrentUser, type DeclinedInvitation } from '@yhdessa/shared';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../testing/render-app';
import {
  buildCatalogueService,
  buildCurrentUser,
  buildDeclinedInvitation,
  buildPlan,
  familyId,
  testId,
  type PlanReader,
} from '../../test/fixtures';
import { problem, server } from '../../test/msw-server';
import { planPartHandlers } from '../../test/plan-handlers';

// The whole plan screen is large: on a busy two-core machine one role query over it takes a few hundred ms.
configure({ asyncUtilTimeout: 5000 });
const base = `/api/families/${familyId}`;
// The section under test is drawn when shown: the plan opens at it.
const planPath = `/families/${familyId}?section=services`;
const anna = buildCurrentUser({ id: testId(5), name: 'Anna Virtanen', role: 'family', serviceIds: [] });
const mikko = buildCurrentUser({ id: testId(3), name: 'Mikko Salo', role: 'worker', serviceIds: [testId(210)] });

const catalogue = [
  buildCatalogueService({ id: testId(230), name: { fi: 'Lastenneuvola' }, category: 'health' }),
  buildCatalogueService({ id: testId(220), name: { fi: 'Koulukuraattori' }, category: 'education', contact: '' }),
  buildCatalogueService({ id: testId(215), name: { fi: 'Varhaiskasvatus' }, category: 'education', contact: '' }),
];

/** The plan as `reader` sees it, with these declined invitations; returns what the screen asked for. */
function planApi(user: CurrentUser, reader: PlanReader, declined: () => DeclinedInvitation[]) {
  const asked = { declined: 0 };
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(user)),
    http.get(`${base}/service-roles/declined`, () => {
      asked.declined += 1;
      return HttpResponse.json({ declinedInvitations: declined() });
    }),
    ...planPartHandlers(),
    http.get(`${base}/plan`, () => HttpResponse.json(buildPlan({}, reader))),
    http.get('/api/services', () => HttpResponse.json({ services: catalogue })),
  );
  return asked;
}

async function openServices() {
  return screen.findByRole('region', { name: 'Palvelut ja niiden tehtävät' });
}

describe('plan: a declined invitation stays on the plan', () => {
  it('when a service declined, then the coordinator sees who, when and why, and invites another from a prefilled form', async () => {
    let declined = [buildDeclinedInvitation()];
    let invited: unknown;
    planApi(buildCurrentUser(), 'coordinator', () => declined);
    server.use(
      http.post(`${base}/service-roles`, async ({ request }) => {
        invited = await request.json();
        declined = [
          buildDeclinedInvitation({
            replacedBy: {
              serviceRoleId: testId(206),
              service: { id: testId(220), name: { fi: 'Koulukuraattori' } },
              status: 'invited',
            },
          }),
        ];
        return HttpResponse.json(
          {
            id: testId(206),
            serviceId: testId(220),
            status: 'invited',
            description: '',
            responsibleWorker: null,
            startsOn: null,
            endsOn: null,
            version: 1,
          },
          { status: 201 },
        );
      }),
    );
    const { user } = renderApp(planPath);

    const services = await openServices();
    const card = await within(services).findByRole('article', { name: 'Varhaiskasvatus kieltäytyi' });
    expect(within(services).getByRole('heading', { name: 'Kutsusta kieltäytyneet' })).toBeInTheDocument();
    expect(within(card).getByText('Kaisa Päiväkoti, 7.1.2026 klo 14.15')).toBeInTheDocument();
    expect(within(card).getByText('Keskustan päiväkoti on täynnä kevääseen asti.')).toBeInTheDocument();
    expect(within(card).getByText('Eetun pikkusisko tarvitsee hoitopaikan helmikuusta.')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Kutsu toinen palvelu' }));
    const form = within(card).getByRole('form', { name: 'Kutsu toinen palvelu – Varhaiskasvatus kieltäytyi' });
    expect(within(form).getByRole('textbox', { name: /Viesti palvelulle/ })).toHaveValue(
      'Eetun pikkusisko tarvitsee hoitopaikan helmikuusta.',
    );
    // The same kind of service first; the one that declined may be asked again.
    const select = within(form).getByRole('combobox', { name: 'Palvelu' });
    const groups = within(select).getAllByRole('group');
    expect(groups.map((group) => group.getAttribute('label'))).toEqual(['Samaa palvelutyyppiä', 'Muut palvelut']);
    expect(
      within(groups[0]!)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Koulukuraattori – Demo-hyvinvointialue', 'Varhaiskasvatus – Demo-hyvinvointialue']);
    await user.selectOptions(select, 'Koulukuraattori – Demo-hyvinvointialue');
    await user.click(within(form).getByRole('button', { name: 'Lähetä kutsu' }));

    await waitFor(() =>
      expect(invited).toEqual({
        serviceId: testId(220),
        message: 'Eetun pikkusisko tarvitsee hoitopaikan helmikuusta.',
        replacesServiceRoleId: testId(205),
      }),
    );
    expect(await within(card).findByText('Tilalle kutsuttu: Koulukuraattori · Kutsuttu')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Kutsu toinen palvelu' })).not.toBeInTheDocument();
  });

  it('when the family opens its plan, then it reads that a service could not come, without the reason or who answered', async () => {
    planApi(anna, 'family', () => [buildDeclinedInvitation({ respondedBy: null, reason: null, message: null })]);
    const { user } = renderApp(planPath);

    await user.click(await screen.findByRole('tab', { name: /Palvelut/ }));
    const list = await screen.findByRole('region', { name: 'Palvelut, jotka eivät voineet tulla mukaan' });
    expect(list).toHaveTextContent('Varhaiskasvatus ei voinut tulla mukaan (7.1.2026). Koordinaattori etsii teille muuta tukea.');
    expect(within(list).queryByRole('button')).not.toBeInTheDocument();
  });

  it('when a worker of another service opens the plan, then declined invitations are not even asked for', async () => {
    const asked = planApi(mikko, 'worker', () => [buildDeclinedInvitation()]);
    renderApp(planPath);

    const services = await openServices();
    expect(within(services).getByRole('region', { name: 'Lastensuojelun perhetyö' })).toBeInTheDocument();
    expect(within(services).queryByText(/kieltäytyi/)).not.toBeInTheDocument();
    expect(asked.declined).toBe(0);
  });

  it('when the declined invitations cannot be loaded, then the coordinator is told and can try again', async () => {
    let calls = 0;
    planApi(buildCurrentUser(), 'coordinator', () => [buildDeclinedInvitation()]);
    server.use(
      http.get(`${base}/service-roles/declined`, () => {
        calls += 1;
        return calls === 1 ? problem(403, 'forbidden') : HttpResponse.json({ declinedInvitations: [buildDeclinedInvitation()] });
      }),
    );
    const { user } = renderApp(planPath);

    const services = await openServices();
    expect(await within(services).findByText('Kieltäytyneitä kutsuja ei voitu ladata.')).toBeInTheDocument();
    await user.click(within(services).getByRole('button', { name: 'Yritä uudelleen' }));
    expect(await within(services).findByRole('article', { name: 'Varhaiskasvatus kieltäytyi' })).toBeInTheDocument();
  });
});

describe('plan: the invitation carries a message', () => {
  it('when the coordinator writes a message, then it is counted against the shared limit and an overlong one is not sent', async () => {
    let invited: unknown;
    planApi(buildCurrentUser(), 'coordinator', () => []);
    server.use(
      http.post(`${base}/service-roles`, async ({ request }) => {
        invited = await request.json();
        return problem(409, 'service_already_in_plan');
      }),
    );
    const { user } = renderApp(planPath);

    const services = await openServices();
    await user.click(within(services).getByRole('button', { name: 'Kutsu palvelu' }));
    const form = within(services).getByRole('form', { name: 'Kutsu palvelu suunnitelmaan' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Palvelu' }), 'Lastenneuvola – Demo-hyvinvointialue');
    const message = within(form).getByRole('textbox', { name: /Viesti palvelulle/ });
    expect(within(form).getByText(/Sähköpostiin viesti ei tule\./)).toBeInTheDocument();
    await user.click(message);
    await user.paste('x'.repeat(invitationMessageMaxLength + 1));
    expect(within(form).getByText('1001/1000 merkkiä – 1 liikaa')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Lähetä kutsu' }));
    expect(within(form).getByText(/Teksti on liian pitkä/)).toBeInTheDocument();
    expect(invited).toBeUndefined();

    await user.clear(message);
    await user.type(message, 'Nikon unirytmi huolettaa.');
    expect(within(form).getByText('25/1000 merkkiä')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Lähetä kutsu' }));
    await waitFor(() => expect(invited).toEqual({ serviceId: testId(230), message: 'Nikon unirytmi huolettaa.' }));
  });
});
