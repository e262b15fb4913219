import { createTranslator } from '../../platform/i18n/translator';

/** The debrief's notification to the delegates, in each one's language. */
export const translateDebriefMail = createTranslator({
  en: {
    'opened.subject': 'Debrief on {{owner}}’s absence: you can prepare your answers',
    'opened.text':
      'A debrief on {{owner}}’s absence ({{from}} – {{to}}) is open. It is a fact-finding conversation about what happened and how, not about who.\n\nThe questions are ready: you can write your answers before you meet. Only you, {{owner}} and {{manager}} read them, and they are not part of any report.',
  },
  it: {
    'opened.subject': 'Debriefing sull’assenza di {{owner}}: puoi preparare le tue risposte',
    'opened.text':
      'È aperto un debriefing sull’assenza di {{owner}} ({{from}} – {{to}}). È un confronto per ricostruire i fatti: cosa è successo e come, non di chi è la colpa.\n\nLe domande sono pronte: puoi scrivere le tue risposte prima dell’incontro. Le leggete solo tu, {{owner}} e {{manager}}, e non entrano in nessun report.',
  },
});
