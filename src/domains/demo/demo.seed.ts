import { DateTime } from 'luxon';
import type { Language, Role } from '../../contracts/workspaces.contracts';
import type { Clock } from '../../platform/clock/clock';
import { localToInstant } from '../../platform/clock/zoned-time';
import type { Db } from '../../platform/db/database';
import { defaultAutoReply } from '../absences/absences.models';
import type { AbsencesRepository } from '../absences/absences.repository';
import { type AbsenceWithCoverage, createAbsencesRepository } from '../absences/absences.repository';
import { scheduleAbsenceJobs } from '../absences/absences.usecases';
import type { BriefsRepository } from '../absences/briefs.repository';
import type { ClientsRepository, NewClient } from '../clients/clients.repository';
import type { TeamMember } from '../coverage/coverage-team';
import type { MembersUseCases } from '../workspaces/members.usecases';
import { seedDemoBriefs } from './demo-briefs.seed';
import { seedDemoCoverage } from './demo-coverage.seed';
import { type DemoStoryStage, tellDemoRecovery } from './demo-recovery.story';

/** Printed at start; these logins work only while Baton runs in demo mode (see DEMO.md). */
export const DEMO_PASSWORD = 'baton-demo-2026';
export const DEMO_WORKSPACE_SLUG = 'ferri-bellini';

export const demoPeople = [
  {
    key: 'anna',
    name: 'Anna Ferri',
    email: 'anna@ferri-bellini.example',
    role: 'member',
    language: 'it',
    note: 'account manager, going on holiday',
  },
  {
    key: 'peter',
    name: 'Peter Marsh',
    email: 'peter@ferri-bellini.example',
    role: 'member',
    language: 'en',
    note: 'her delegate last summer',
  },
  { key: 'sara', name: 'Sara Colombo', email: 'sara@ferri-bellini.example', role: 'member', language: 'it', note: 'backup delegate' },
  { key: 'marco', name: 'Marco Bellini', email: 'marco@ferri-bellini.example', role: 'manager', language: 'it', note: 'their manager' },
  { key: 'lucia', name: 'Lucia Greco', email: 'lucia@ferri-bellini.example', role: 'admin', language: 'it', note: 'runs the workspace' },
] as const satisfies readonly { key: string; name: string; email: string; role: Role; language: Language; note: string }[];

type PersonKey = (typeof demoPeople)[number]['key'];
type DemoClient = Omit<NewClient, 'workspaceId' | 'ownerId'> & { owner: PersonKey };

const demoClients: DemoClient[] = [
  {
    name: 'Orsini Costruzioni S.p.A.',
    tier: 'key',
    // Lost after Anna's summer absence (DEMO.md); the win-back calls are under way.
    status: 'lost',
    language: 'it',
    owner: 'anna',
    domains: ['orsini-costruzioni.example'],
    contacts: [
      { name: 'Giulia Orsini', role: 'CFO', emails: ['giulia.orsini@orsini-costruzioni.example'], phones: ['+39 06 5550 1201'] },
      {
        name: 'Roberto Fabbri',
        role: 'Responsabile marketing',
        emails: ['r.fabbri@orsini-costruzioni.example'],
        phones: ['+39 06 5550 1245'],
      },
    ],
    projects: [{ name: 'Rilancio sito web' }, { name: 'Portale fornitori', status: 'planned' }],
  },
  {
    name: 'Northwind Logistics Ltd',
    tier: 'key',
    language: 'en',
    owner: 'anna',
    domains: ['northwind-logistics.example'],
    contacts: [
      {
        name: 'James Whitaker',
        role: 'Head of Operations',
        emails: ['james.whitaker@northwind-logistics.example'],
        phones: ['+44 20 7946 0311'],
      },
      { name: 'Priya Shah', role: 'Data Lead', emails: ['priya.shah@northwind-logistics.example'], phones: ['+44 20 7946 0342'] },
    ],
    projects: [{ name: 'Quarterly reporting dashboard' }],
  },
  {
    name: 'Bluefin Analytics',
    tier: 'key',
    language: 'en',
    owner: 'anna',
    domains: ['bluefin-analytics.example'],
    contacts: [{ name: 'Hannah Cole', role: 'CTO', emails: ['hannah@bluefin-analytics.example'], phones: ['+1 415 555 0175'] }],
    projects: [{ name: 'Data warehouse migration' }],
  },
  {
    name: 'Vini Lucchesi',
    tier: 'standard',
    language: 'it',
    owner: 'anna',
    domains: ['vinilucchesi.example'],
    contacts: [
      {
        name: 'Paolo Lucchesi',
        role: 'Titolare',
        emails: ['paolo@vinilucchesi.example', 'amministrazione@vinilucchesi.example'],
        phones: ['+39 0583 555 210'],
      },
    ],
    projects: [{ name: 'E-commerce cantina' }],
  },
  {
    name: "Farmacia Sant'Anna",
    tier: 'standard',
    language: 'it',
    owner: 'anna',
    domains: ['farmacia-santanna.example'],
    contacts: [
      {
        name: 'Elena Rinaldi',
        role: 'Farmacista titolare',
        emails: ['elena.rinaldi@farmacia-santanna.example'],
        phones: ['+39 02 5550 8890'],
      },
    ],
    projects: [{ name: 'Newsletter clienti' }],
  },
  {
    name: 'Harbor & Pine Architects',
    tier: 'standard',
    language: 'en',
    owner: 'anna',
    domains: ['harborpine.example'],
    contacts: [
      { name: 'Oliver Grant', role: 'Managing Partner', emails: ['oliver@harborpine.example'], phones: ['+1 207 555 0134'] },
      { name: 'Mia Torres', role: 'Office Manager', emails: ['office@harborpine.example'], phones: ['+1 207 555 0100'] },
    ],
    projects: [{ name: 'Portfolio site refresh' }],
  },
  {
    name: 'Studio Dentistico Greco',
    tier: 'standard',
    language: 'it',
    owner: 'sara',
    domains: ['studiogreco.example'],
    contacts: [{ name: 'Dott. Stefano Greco', role: 'Titolare', emails: ['stefano@studiogreco.example'], phones: ['+39 081 555 4410'] }],
    projects: [{ name: 'Prenotazioni online' }],
  },
  {
    name: 'Clearwater Schools Trust',
    tier: 'standard',
    language: 'en',
    owner: 'peter',
    domains: ['clearwater-schools.example'],
    contacts: [
      { name: 'Rachel Evans', role: 'Business Manager', emails: ['r.evans@clearwater-schools.example'], phones: ['+44 161 555 0190'] },
    ],
    projects: [{ name: 'Parent communications app' }, { name: 'Staff intranet', status: 'planned' }],
  },
];

/**
 * Loads the demo workspace of DEMO.md: the cast, their eight clients, the past and the upcoming absence with their
 * briefs, and what happened to Anna's mail during the past one.
 */
export async function loadDemoWorkspace({
  db,
  clock,
  members,
  clientsRepository,
  absencesRepository,
  briefsRepository,
  stage,
}: {
  db: Db;
  clock: Clock;
  members: MembersUseCases;
  clientsRepository: ClientsRepository;
  absencesRepository: AbsencesRepository;
  briefsRepository: BriefsRepository;
  /** The use cases around a clock of the story's own, for the parts told through them. */
  stage: DemoStoryStage;
}) {
  const workspace = await members.createWorkspace({
    name: 'Ferri & Bellini Consulting',
    slug: DEMO_WORKSPACE_SLUG,
    timezone: 'Europe/Rome',
    defaultLanguage: 'it',
    isDemo: true,
  });
  const ids = {} as Record<PersonKey, string>;
  for (const person of demoPeople) {
    const user = await members.createUser({
      workspaceId: workspace.id,
      email: person.email,
      name: person.name,
      role: person.role,
      language: person.language,
      password: DEMO_PASSWORD,
    });
    ids[person.key] = user.id;
  }
  const clientIds: Record<string, string> = {};
  await db.transaction(async (tx) => {
    for (const { owner, ...client } of demoClients) {
      // Orsini was lost after the summer absence: the recovery story marks it lost, which starts its win-back.
      const status = client.status === 'lost' ? 'active' : client.status;
      const row = await clientsRepository.insertClient(
        tx,
        { ...client, status, workspaceId: workspace.id, ownerId: ids[owner] },
        ids.lucia,
        clock.now(),
      );
      clientIds[row.name] = row.id;
    }
  });
  const absences = await seedDemoAbsences({ db, clock, workspaceId: workspace.id, timezone: workspace.timezone, people: ids, clientIds });
  await seedDemoBriefs({
    db,
    clock,
    workspaceId: workspace.id,
    people: ids,
    absences: { past: absences.past.id, upcoming: absences.upcoming.id },
    briefsRepository,
    clientsRepository,
    absencesRepository,
  });
  const cast = Object.fromEntries(
    demoPeople.map((person) => [person.key, { id: ids[person.key], name: person.name, email: person.email, language: person.language }]),
  ) as Record<PersonKey, TeamMember>;
  await seedDemoCoverage({ db, clock, workspace, people: cast, absence: absences.past, clientIds });
  await tellDemoRecovery({ stage, today: clock.now(), workspace, people: ids, absence: absences.past });
  return workspace;
}

/** Day D+offset of the load day, at a wall-clock time of the workspace zone. */
function demoDay(clock: Clock, timezone: string, offsetDays: number, time: string) {
  const day = DateTime.fromJSDate(clock.now(), { zone: timezone }).plus({ days: offsetDays }).toFormat('yyyy-MM-dd');
  return localToInstant(`${day}T${time}`, timezone);
}

export type DemoAbsences = { upcoming: AbsenceWithCoverage; past: AbsenceWithCoverage };

/**
 * Anna's two absences of DEMO.md: the past summer holiday (returned, Peter primary) and the
 * upcoming winter break (handover, Sara primary), covering her five active clients. Exported so the
 * briefs side can add briefs and acknowledgements to them.
 */
export async function seedDemoAbsences({
  db,
  clock,
  workspaceId,
  timezone,
  people,
  clientIds,
}: {
  db: Db;
  clock: Clock;
  workspaceId: string;
  timezone: string;
  people: Record<PersonKey, string>;
  clientIds: Record<string, string>;
}): Promise<DemoAbsences> {
  const absencesRepository = createAbsencesRepository({ db });
  const now = clock.now();
  const annasClients = demoClients.filter((client) => client.owner === 'anna');
  const coverage = (names: string[]) => names.flatMap((name) => (clientIds[name] ? [{ clientId: clientIds[name], projectId: null }] : []));
  return db.transaction(async (tx) => {
    const pastStart = demoDay(clock, timezone, -110, '09:00');
    const pastEnd = demoDay(clock, timezone, -92, '18:00');
    const past = await absencesRepository.insert(
      tx,
      {
        workspaceId,
        ownerId: people.anna,
        startsAt: pastStart,
        endsAt: pastEnd,
        primaryDelegateId: people.peter,
        backupDelegateId: people.sara,
        managerId: people.marco,
        state: 'returned',
        autoReply: defaultAutoReply,
        startedAt: pastStart,
        returnedAt: pastEnd,
        createdAt: demoDay(clock, timezone, -130, '10:00'),
        updatedAt: pastEnd,
      },
      // Last summer all six were Anna's active clients (Orsini was lost afterwards).
      coverage(annasClients.map((client) => client.name)),
    );
    const upcoming = await absencesRepository.insert(
      tx,
      {
        workspaceId,
        ownerId: people.anna,
        startsAt: demoDay(clock, timezone, 26, '09:00'),
        endsAt: demoDay(clock, timezone, 40, '18:00'),
        primaryDelegateId: people.sara,
        backupDelegateId: people.peter,
        managerId: people.marco,
        state: 'handover',
        autoReply: defaultAutoReply,
        createdAt: now,
        updatedAt: now,
      },
      coverage(annasClients.filter((client) => client.status !== 'lost').map((client) => client.name)),
    );
    await scheduleAbsenceJobs(tx, clock, upcoming);
    return { upcoming, past };
  });
}
