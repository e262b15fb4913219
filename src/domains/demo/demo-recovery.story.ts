// Anna's return from the summer holiday (DEMO.md, "On return"), told through the same use cases the app calls,
// each at the moment it happened: the return job hands the open contacts back and creates her recovery tasks; she
// calls Northwind (recovered) and Orsini (lost to a competitor: the win-back cadence starts), and leaves Vini
// Lucchesi's call for a new user to make; Marco closes Northwind's escalation; the debrief with Peter is held; the
// first two win-back calls are made. The third falls due around the load day, so the job runner reminds Anna of it.
import type { Clock } from '../../platform/clock/clock';
import type { Escalations } from '../coverage/escalations.usecases';
import type { RecoveryTasks } from '../recovery/recovery-tasks.usecases';
import type { WinBack } from '../recovery/win-back.usecases';
import type { Debriefs } from '../reports/debrief.usecases';
import type { ReportUseCases } from '../reports/report.usecases';
import type { Principal } from '../workspaces/auth.usecases';
import type { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { demoStoryDays } from './demo-story-days';

/** The use cases the story needs, built by the composition root around the story's own clock. */
export type DemoStoryActors = {
  welcomeBack: (workspaceId: string, absenceId: string) => Promise<void>;
  recoveryTasks: RecoveryTasks;
  winBack: WinBack;
  escalations: Escalations;
  debriefs: Debriefs;
  reports: ReportUseCases;
  workspacesRepository: WorkspacesRepository;
};
export type DemoStoryStage = (clock: Clock) => DemoStoryActors;

const DAY_MS = 86_400_000;

export async function tellDemoRecovery({
  stage,
  today,
  workspace,
  people,
  absence,
}: {
  stage: DemoStoryStage;
  today: Date;
  workspace: { id: string; timezone: string };
  people: Record<'anna' | 'peter' | 'marco', string>;
  absence: { id: string; endsAt: Date };
}) {
  let current = absence.endsAt;
  const actors = stage({ now: () => new Date(current) });
  const { day } = demoStoryDays(today, workspace.timezone);
  const at = (time: Date) => {
    current = time;
  };
  const principal = async (userId: string): Promise<Principal> => {
    const [row, user] = await Promise.all([
      actors.workspacesRepository.workspaceById(workspace.id),
      actors.workspacesRepository.userInWorkspace(workspace.id, userId),
    ]);
    if (!row || !user) throw new Error('the demo cast is missing');
    return { workspace: row, user, session: null };
  };
  const anna = await principal(people.anna);
  const marco = await principal(people.marco);
  const peter = await principal(people.peter);

  // The absence ended at 18:00 on its last day: the return job ran then.
  await actors.welcomeBack(workspace.id, absence.id);
  const { tasks } = await actors.recoveryTasks.listForAbsence(anna, absence.id);
  const task = (client: string) => {
    const found = tasks.find((candidate) => candidate.clientName === client);
    if (!found) throw new Error(`the demo has no recovery task for ${client}`);
    return found;
  };

  at(day(0, '10:15'));
  await actors.recoveryTasks.logCall(anna, task('Northwind Logistics Ltd').id, {
    outcome: 'recovered',
    notes:
      'Mi sono scusata con James per le risposte lente di luglio, senza entrare nel merito. Con Priya abbiamo fissato i nuovi tempi della migrazione: dashboard entro fine mese.',
    nextStep: 'Call settimanale del giovedì con James e Priya fino al rilascio.',
  });
  at(day(0, '11:30'));
  const lostAt = day(0, '11:30');
  await actors.recoveryTasks.logCall(anna, task('Orsini Costruzioni S.p.A.').id, {
    outcome: 'lost',
    lostReason: 'Il rilancio del sito è passato a un’altra agenzia dopo lo slittamento del go-live.',
    notes: 'Giulia è stata cortese ma decisa: il consiglio ha deciso la settimana scorsa. Ha apprezzato la telefonata.',
    nextStep: 'Richiamare tra un mese per sapere come va con la nuova agenzia.',
  });
  at(day(0, '16:30'));
  const escalations = await actors.escalations.list(marco, 'all');
  const angry = escalations.find((row) => row.clientName === 'Northwind Logistics Ltd' && row.rule === 'anger_key_account');
  if (angry && angry.state !== 'resolved') {
    await actors.escalations.resolve(
      marco,
      angry.id,
      'Anna ha chiamato James Whitaker al rientro per scusarsi e ha concordato con Priya i nuovi tempi: cliente recuperato.',
    );
  }

  await tellDebrief();
  await tellReport();

  // The first two win-back calls, an hour after each reminder fell due (30 and 60 days after Orsini was lost).
  const notes: Record<number, string> = {
    30: 'Sentita Giulia: il lavoro con la nuova agenzia è appena partito. Le ho lasciato il mio numero diretto.',
    60: 'Giulia non è contenta dei tempi della nuova agenzia (due consegne saltate). Ci risentiamo tra un mese.',
  };
  const { reminders } = await actors.winBack.list(anna);
  for (const reminder of reminders.filter((candidate) => notes[candidate.day])) {
    at(new Date(lostAt.getTime() + reminder.day * DAY_MS + 3_600_000));
    if (current.getTime() >= today.getTime()) break;
    await actors.winBack.log(anna, reminder.id, { note: notes[reminder.day] ?? '' });
  }

  /** Anna writes her own account (no loaded wording), finalises the report and sends it to Marco. */
  async function tellReport() {
    at(day(-3, '10:00'));
    await actors.reports.saveNarrative(anna, absence.id, {
      text: [
        'Sono rientrata dalle ferie il giorno previsto e ho chiamato Northwind e Orsini la mattina stessa.',
        'Con Northwind abbiamo concordato i nuovi tempi della migrazione; Orsini ha affidato il rilancio del sito a un’altra agenzia dopo lo slittamento del go-live.',
        'Il brief di Orsini diceva che il go-live era slittato ma non quale data proporre né chi poteva deciderla: dalla prossima assenza il modello del brief la chiede per ogni progetto con una scadenza.',
      ].join('\n\n'),
    });
    at(day(-3, '10:20'));
    await actors.reports.finalise(anna, absence.id);
    await actors.reports.sendToManager(anna, absence.id);
  }

  /** Anna opens the debrief, Peter writes his answers beforehand, they meet with Marco, who concludes it. */
  async function tellDebrief() {
    at(day(-1, '09:30'));
    const opened = await actors.debriefs.open(anna, absence.id);
    const debrief = opened.debrief;
    if (!debrief) throw new Error('the demo debrief did not open');
    const orsini = debrief.questions.find((question) => question.id.endsWith('.information') && question.clientName?.startsWith('Orsini'));
    const answers: [string | undefined, string][] = [
      [
        'opening',
        'Vini Lucchesi and the routine mail went fine. Orsini and Northwind did not: both needed decisions I could not take, in the same week as the Northwind data migration.',
      ],
      [
        'brief',
        'Orsini’s brief said the go-live had moved, but not which date we could offer or where the content stood. I read it back as “ok, no problem” without asking, which I should not have.',
      ],
      ['workload', 'Heavy: my own four clients plus Anna’s six, and a full day at a client on the Tuesday Northwind wrote three times.'],
      [orsini?.id, 'Only what was in the brief: the go-live had moved. Nothing on the new date or who could decide it.'],
      [
        'helped',
        'A named person who could decide on Orsini’s date while Anna was away, and Sara taking the key accounts on my client days.',
      ],
    ];
    at(day(-1, '17:40'));
    for (const [questionId, text] of answers) {
      if (questionId) await actors.debriefs.saveAnswer(peter, debrief.id, { questionId, text });
    }
    at(day(-2, '15:00'));
    await actors.debriefs.saveAnswer(anna, debrief.id, {
      questionId: 'brief',
      text: 'Nel brief di Orsini manca la data da proporre: la aggiungo al modello del brief per i progetti con go-live.',
    });
    at(day(-2, '15:45'));
    await actors.debriefs.addFinding(marco, debrief.id, {
      category: 'workload',
      note: 'Peter copriva dieci clienti, due chiave in difficoltà nella stessa settimana, e aveva giornate fisse da un cliente. Prossima volta: Sara attiva sui clienti chiave dal primo giorno, e una data decisionale scritta nel brief per ogni go-live.',
    });
    await actors.debriefs.conclude(marco, debrief.id);
  }
}
