import type { DemoAccount } from '@yhdessa/shared';

/** Fictional people only. The password is published in the README; demo mode is never production. */
export const DEMO_PASSWORD = 'Yhdessa-demo-2026';

const account = (email: string, role: DemoAccount['role'], name: string): DemoAccount => ({
  email,
  password: DEMO_PASSWORD,
  role,
  name,
});

export const demoAccounts = {
  coordinator: account('sari.koordinaattori@varkaus-demo.fi', 'coordinator', 'Sari Lehtonen'),
  secondCoordinator: account('olli.koordinaattori@varkaus-demo.fi', 'coordinator', 'Olli Räsänen'),
  familyWorker: account('mikko.perhetyo@varkaus-demo.fi', 'worker', 'Mikko Salo'),
  schoolWorker: account('hanna.koulu@varkaus-demo.fi', 'worker', 'Hanna Kivelä'),
  clinicWorker: account('liisa.neuvola@varkaus-demo.fi', 'worker', 'Liisa Aho'),
  counsellingWorker: account('petri.perheneuvola@varkaus-demo.fi', 'worker', 'Petri Manninen'),
  mentalHealthWorker: account('tiina.mielenterveys@varkaus-demo.fi', 'worker', 'Tiina Ojala'),
  walkAlongsideWorker: account('jari.rinnalla@varkaus-demo.fi', 'worker', 'Jari Huttunen'),
  guardian: account('anna.virtanen@example.fi', 'family', 'Anna Virtanen'),
  manager: account('paivi.johtaja@varkaus-demo.fi', 'manager', 'Päivi Kettunen'),
  admin: account('admin@varkaus-demo.fi', 'admin', 'Ylläpito Varkaus'),
} as const;

export type DemoAccountKey = keyof typeof demoAccounts;

/** What `GET /api/demo/accounts` lists: one or more per role. */
export const listedDemoAccounts: DemoAccount[] = [
  demoAccounts.coordinator,
  demoAccounts.familyWorker,
  demoAccounts.schoolWorker,
  demoAccounts.guardian,
  demoAccounts.manager,
  demoAccounts.admin,
];
