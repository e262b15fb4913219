import { type BriefContent, briefContentSchema } from '../../contracts/briefs.contracts';
import type { Clock } from '../../platform/clock/clock';
import type { Db } from '../../platform/db/database';
import type { AbsencesRepository } from '../absences/absences.repository';
import { briefContentHash } from '../absences/briefs.models';
import type { BriefsRepository } from '../absences/briefs.repository';
import type { ClientsRepository } from '../clients/clients.repository';

const DAY = 86_400_000;

type ClientKey = 'orsini' | 'northwind' | 'bluefin' | 'vini' | 'farmacia' | 'harbor';
const clientNames: Record<ClientKey, string> = {
  orsini: 'Orsini Costruzioni S.p.A.',
  northwind: 'Northwind Logistics Ltd',
  bluefin: 'Bluefin Analytics',
  vini: 'Vini Lucchesi',
  farmacia: "Farmacia Sant'Anna",
  harbor: 'Harbor & Pine Architects',
};

const day = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);

/** What Anna wrote last summer (D−110): the two projects that mattered were Orsini's relaunch and Northwind's dashboard. */
function summerBriefs(d: Date): Record<ClientKey, Partial<BriefContent>> {
  return {
    orsini: {
      situation:
        'Rilancio del sito web: il go-live è slittato dal 15 luglio a settembre per il ritardo dei contenuti. Giulia Orsini (CFO) deve approvare la nuova data.',
      keyFacts: ['Giulia Orsini approva date e costi', 'Il contratto prevede una penale se il go-live slitta oltre settembre'],
      nextSteps: [{ text: 'Far approvare per iscritto la nuova data di go-live', due: day(d, -104) }],
      commitments: ['Proposta di nuova data entro la prima settimana di assenza'],
      faq: [{ question: 'Quando va online il nuovo sito?', answer: 'A settembre, appena Giulia approva la data proposta.' }],
      contacts: [
        {
          name: 'Giulia Orsini',
          side: 'client',
          reachFor: 'date e approvazioni',
          email: 'giulia.orsini@orsini-costruzioni.example',
          phone: '+39 06 5550 1201',
        },
      ],
      clientSummary: 'Il go-live del nuovo sito è in fase di ripianificazione.',
    },
    northwind: {
      situation: 'Quarterly reporting dashboard: the data migration from the old warehouse must finish in the second week of the absence.',
      keyFacts: ['James Whitaker owns the deadline', 'Priya Shah runs the migration scripts'],
      nextSteps: [{ text: 'Confirm the data migration is complete with Priya', due: day(d, -100) }],
      faq: [{ question: 'Will the Q3 dashboard be ready?', answer: 'Yes, once the migration finishes in week two.' }],
    },
    bluefin: {
      situation: 'Data warehouse migration: phase one (staging tables) is live; phase two waits for the CTO’s sign-off.',
      nextSteps: [{ text: 'Send the phase-two plan to Hannah Cole', due: day(d, -106) }],
    },
    vini: {
      situation: 'E-commerce della cantina online da maggio; nessun progetto aperto, solo domande sulle fatture.',
      faq: [{ question: 'Quando arriva la fattura di luglio?', answer: 'Entro il 5 del mese successivo, da amministrazione.' }],
    },
    farmacia: { situation: 'Newsletter mensile ai clienti: il numero di agosto è già programmato.' },
    harbor: { situation: 'Portfolio site refresh delivered in June; nothing open.' },
  };
}

/** What Anna writes for her winter break (D+26): Orsini is lost and not covered. */
function winterBriefs(d: Date): Record<Exclude<ClientKey, 'orsini'>, Partial<BriefContent>> {
  return {
    northwind: {
      situation:
        'Quarterly reporting dashboard, Q4 release: the data migration of the 2025 shipments must be finished in the second week of my absence, or the January board report has no data.',
      keyFacts: [
        'James Whitaker (Head of Operations) owns the deadline and was upset last summer',
        'Priya Shah runs the migration scripts',
      ],
      nextSteps: [
        { text: 'Check with Priya that the migration dry run passed', due: day(d, 28) },
        { text: 'Confirm to James that the migration is complete', due: day(d, 35) },
      ],
      commitments: ['A weekly status email to James every Friday'],
      faq: [{ question: 'Will the January board report have Q4 data?', answer: 'Yes, if the migration finishes by the second Friday.' }],
      contacts: [
        {
          name: 'James Whitaker',
          side: 'client',
          reachFor: 'deadline and escalations',
          email: 'james.whitaker@northwind-logistics.example',
          phone: '+44 20 7946 0311',
        },
        {
          name: 'Priya Shah',
          side: 'client',
          reachFor: 'migration status',
          email: 'priya.shah@northwind-logistics.example',
          phone: '+44 20 7946 0342',
        },
      ],
      dos: ['Answer James the same day, even if only to say when you will know'],
      donts: ['Do not promise a new date without Priya'],
      contingencies: [{ when: 'the migration fails', action: 'Call Priya, then tell James the same day with a new plan' }],
    },
    bluefin: {
      situation:
        'Data warehouse migration, phase two: the nightly loads move to the new warehouse; cut-over planned for the week after my return.',
      nextSteps: [{ text: 'Review the cut-over checklist with Hannah Cole', due: day(d, 31) }],
      faq: [{ question: 'Can the cut-over move earlier?', answer: 'No: it needs two clean weeks of parallel runs.' }],
    },
    vini: {
      situation: 'E-commerce della cantina: campagna di Natale attiva fino al 6 gennaio; nessun progetto aperto.',
      faq: [{ question: 'Come si cambia un prezzo nel negozio?', answer: 'Lo fa Paolo dal pannello; se serve aiuto, guida nel link.' }],
    },
    farmacia: { situation: 'Newsletter mensile: il numero di gennaio va approvato da Elena Rinaldi entro il 3.' },
    harbor: {
      situation: 'Portfolio site refresh live; Oliver Grant asked for a quote for a new projects page in February.',
      nextSteps: [{ text: 'Send the quote for the projects page', due: day(d, 30) }],
    },
  };
}

/**
 * The briefs of DEMO.md for two absences the absence seed created. Inserted as history, with the
 * times they happened: last summer's one-line read-backs ("ok, no problem") were accepted then,
 * though today's validation refuses them — the demo shows why.
 */
export async function seedDemoBriefs({
  db,
  clock,
  workspaceId,
  people,
  absences,
  briefsRepository,
  clientsRepository,
  absencesRepository,
}: {
  db: Db;
  clock: Clock;
  workspaceId: string;
  people: { anna: string; peter: string; sara: string };
  absences: { past: string; upcoming: string };
  briefsRepository: BriefsRepository;
  clientsRepository: ClientsRepository;
  absencesRepository: AbsencesRepository;
}) {
  const d = clock.now();
  const at = (days: number, hour = 10) => new Date(d.getTime() + days * DAY + hour * 3_600_000 - (d.getTime() % DAY));
  const { rows: clients } = await clientsRepository.listClients(workspaceId);
  const clientId = (key: ClientKey) => {
    const client = clients.find((row) => row.name === clientNames[key]);
    if (!client) throw new Error(`demo client ${clientNames[key]} is missing`);
    return client;
  };

  await db.transaction(async (tx) => {
    async function brief(absenceId: string, key: ClientKey, partial: Partial<BriefContent>, sharedAt: Date) {
      const content = briefContentSchema.parse(partial);
      const row = await briefsRepository.insertBrief(tx, {
        workspaceId,
        absenceId,
        clientId: clientId(key).id,
        draft: content,
        currentVersion: 1,
        createdAt: new Date(sharedAt.getTime() - DAY),
        updatedAt: sharedAt,
      });
      if (!row) throw new Error('demo brief insert failed');
      const version = await briefsRepository.insertVersion(tx, {
        workspaceId,
        briefId: row.id,
        version: 1,
        content,
        contentHash: briefContentHash(content),
        createdBy: people.anna,
        createdAt: sharedAt,
      });
      if (!version) throw new Error('demo version insert failed');
      return { brief: row, version, keyAccount: clientId(key).tier === 'key' };
    }
    type Seeded = Awaited<ReturnType<typeof brief>>;
    const acknowledge = (
      seeded: Seeded,
      delegate: { id: string; role: 'primary' | 'backup' },
      when: Date,
      readBack: string | null,
      status: 'not_required' | 'pending' | 'accepted',
    ) =>
      briefsRepository.insertAcknowledgement(tx, {
        workspaceId,
        briefId: seeded.brief.id,
        versionId: seeded.version.id,
        version: 1,
        contentHash: seeded.version.contentHash,
        delegateId: delegate.id,
        delegateRole: delegate.role,
        readBack,
        readBackStatus: status,
        acknowledgedAt: when,
        reviewedAt: status === 'accepted' ? new Date(when.getTime() + 3_600_000) : null,
      });

    // Last summer: everything acknowledged, the key accounts with "ok, no problem", all accepted.
    const summer = summerBriefs(d);
    for (const key of Object.keys(summer) as ClientKey[]) {
      const seeded = await brief(absences.past, key, summer[key], at(-113));
      await acknowledge(
        seeded,
        { id: people.peter, role: 'primary' },
        at(-112, 16),
        seeded.keyAccount ? 'ok, no problem' : null,
        seeded.keyAccount ? 'accepted' : 'not_required',
      );
      if (seeded.keyAccount) await acknowledge(seeded, { id: people.sara, role: 'backup' }, at(-111, 11), 'ok, tutto chiaro', 'accepted');
    }
    await absencesRepository.transition(tx, workspaceId, absences.past, ['draft'], { state: 'handover', updatedAt: at(-113) });

    // This winter: Sara is the primary delegate and is half-way through.
    const winter = winterBriefs(d);
    const upcoming = {} as Record<Exclude<ClientKey, 'orsini'>, Seeded>;
    for (const key of Object.keys(winter) as Exclude<ClientKey, 'orsini'>[])
      upcoming[key] = await brief(absences.upcoming, key, winter[key], at(-3));
    const sara = { id: people.sara, role: 'primary' as const };
    await acknowledge(
      upcoming.bluefin,
      sara,
      at(-2, 9),
      'La fase due sposta i caricamenti notturni sul nuovo warehouse; il passo successivo è rivedere la checklist di cut-over con Hannah entro la prima settimana.',
      'accepted',
    );
    await acknowledge(
      upcoming.harbor,
      sara,
      at(-2, 10),
      'Il sito è online; Oliver aspetta un preventivo per la pagina progetti, lo mando io entro il 30 con il listino standard.',
      'not_required',
    );
    await acknowledge(upcoming.vini, sara, at(-2, 11), null, 'not_required');
    await briefsRepository.insertQuestion(tx, {
      workspaceId,
      briefId: upcoming.northwind.brief.id,
      askedBy: people.sara,
      question:
        'Se la migrazione di prova fallisce, chi decide se spostare la scadenza: James o Priya? E posso proporre io una nuova data?',
      askedAt: at(-1, 15),
    });
    await absencesRepository.transition(tx, workspaceId, absences.upcoming, ['draft'], { state: 'handover', updatedAt: at(-3) });
  });
}
