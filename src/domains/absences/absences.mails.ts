import { createTranslator } from '../../platform/i18n/translator';

/** Notifications about absences, in the recipient's language. */
export const translateAbsenceMail = createTranslator({
  en: {
    'gap.subject': '{{owner}}’s absence started with an incomplete handover',
    'gap.text':
      '{{owner}}’s absence has started, but the handover gate was still closed: {{blockers}}.\n\nThe owner is gone: please check the open briefs with the delegates now.',
    'reminder.subject': 'Handover not complete: {{owner}} leaves in 24 hours',
    'reminder.text':
      '{{owner}}’s absence starts on {{start}} and the handover gate is still closed: {{blockers}}.\n\nFinish the briefs with the delegates, or the manager can override the gate with a written reason.',
    'override.subject': 'The handover gate for {{owner}}’s absence was overridden',
    'override.text': '{{manager}} let the absence start without a complete handover. Reason given:\n\n“{{reason}}”',
    'blockers.none': 'no brief details available',
    'blocker.not_acknowledged': 'not acknowledged',
    'blocker.read_back_missing': 'read-back missing',
    'blocker.open_question': 'open question',
    'state.handover': 'handover',
    'state.active': 'away',
    'state.returned': 'returned',
    'state.closed': 'closed',
    'ics.summary': '{{owner}} away — covered by {{primary}}',
    'ics.summaryBackup': '{{owner}} away — covered by {{primary}} (backup {{backup}})',
    'ics.description': 'Manager: {{manager}}. State: {{state}}.',
    'ics.calendarName': '{{workspace}} — absences',
  },
  it: {
    'gap.subject': 'L’assenza di {{owner}} è iniziata con un passaggio di consegne incompleto',
    'gap.text':
      'L’assenza di {{owner}} è iniziata, ma il controllo del passaggio di consegne era ancora chiuso: {{blockers}}.\n\nChi è in assenza non è più raggiungibile: verifica subito con i sostituti i brief ancora aperti.',
    'reminder.subject': 'Passaggio di consegne incompleto: {{owner}} parte tra 24 ore',
    'reminder.text':
      'L’assenza di {{owner}} inizia il {{start}} e il controllo del passaggio di consegne è ancora chiuso: {{blockers}}.\n\nCompletate i brief con i sostituti, oppure il manager può sbloccare il controllo indicando per iscritto il motivo.',
    'override.subject': 'Il controllo del passaggio di consegne per l’assenza di {{owner}} è stato sbloccato',
    'override.text':
      '{{manager}} ha autorizzato l’inizio dell’assenza senza un passaggio di consegne completo. Motivo indicato:\n\n«{{reason}}»',
    'blockers.none': 'dettagli dei brief non disponibili',
    'blocker.not_acknowledged': 'presa visione mancante',
    'blocker.read_back_missing': 'riepilogo del sostituto mancante',
    'blocker.open_question': 'domanda aperta',
    'state.handover': 'passaggio di consegne',
    'state.active': 'in assenza',
    'state.returned': 'rientro avvenuto',
    'state.closed': 'chiusa',
    'ics.summary': '{{owner}} assente — sostituzione: {{primary}}',
    'ics.summaryBackup': '{{owner}} assente — sostituzione: {{primary}} (riserva {{backup}})',
    'ics.description': 'Manager: {{manager}}. Stato: {{state}}.',
    'ics.calendarName': '{{workspace}} — assenze',
  },
});
