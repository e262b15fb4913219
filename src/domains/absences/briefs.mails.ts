import { createTranslator } from '../../platform/i18n/translator';

/** Notification texts about briefs, in the recipient's language. */
export const translateBriefMail = createTranslator({
  en: {
    'review_requested.subject': 'Handover: {{owner}} asks you to review {{count}} brief(s)',
    'review_requested.text':
      '{{owner}} shared the handover briefs for the absence starting {{start}}. You are the {{role}} delegate: read each brief, ask what is unclear and acknowledge the version you read.',
    'role.primary': 'primary',
    'role.backup': 'backup',
    'changed.subject': 'Handover: the brief for {{client}} changed (version {{version}})',
    'changed.text':
      '{{owner}} changed the brief for {{client}} after you acknowledged it. Your acknowledgement no longer counts: see what changed and acknowledge version {{version}}.',
    'acknowledged.subject': 'Handover: {{delegate}} acknowledged the brief for {{client}}',
    'acknowledged.text':
      '{{delegate}} acknowledged version {{version}} of the brief for {{client}}. Their read-back waits for your review:\n\n“{{readBack}}”',
    'question_asked.subject': 'Handover: a question on the brief for {{client}}',
    'question_asked.text': '{{asker}} asks about {{client}}:\n\n“{{question}}”\n\nAnswer it on the brief.',
    'question_answered.subject': 'Handover: your question on {{client}} was answered',
    'question_answered.text': '{{owner}} answered your question on {{client}}:\n\n“{{question}}”\n\n{{answer}}',
    'read_back_accepted.subject': 'Handover: your read-back for {{client}} was accepted',
    'read_back_accepted.text': '{{owner}} accepted your read-back of the brief for {{client}} (version {{version}}).',
    'read_back_asked_again.subject': 'Handover: {{owner}} asks you to read back {{client}} again',
    'read_back_asked_again.text':
      '{{owner}} asks you to acknowledge the brief for {{client}} again with a new read-back.\n\nTheir note: “{{note}}”',
    'readiness_reached.subject': 'Handover ready: every brief of the absence starting {{start}} is acknowledged',
    'readiness_reached.text':
      'Readiness reached 100 %: {{delegate}} acknowledged every brief of {{owner}}’s absence starting {{start}}, with the key-account read-backs accepted.',
  },
  it: {
    'review_requested.subject': 'Passaggio di consegne: {{owner}} ti chiede di rivedere {{count}} brief',
    'review_requested.text':
      '{{owner}} ha condiviso i brief per l’assenza che inizia il {{start}}. Il tuo ruolo: sostituto {{role}}. Leggi ogni brief, chiedi ciò che non è chiaro e conferma la versione che hai letto.',
    'role.primary': 'principale',
    'role.backup': 'di riserva',
    'changed.subject': 'Passaggio di consegne: il brief di {{client}} è cambiato (versione {{version}})',
    'changed.text':
      '{{owner}} ha modificato il brief di {{client}} dopo la tua conferma. La conferma non vale più: guarda cosa è cambiato e conferma la versione {{version}}.',
    'acknowledged.subject': 'Passaggio di consegne: {{delegate}} ha confermato il brief di {{client}}',
    'acknowledged.text':
      '{{delegate}} ha confermato la versione {{version}} del brief di {{client}}. La sua sintesi attende la tua revisione:\n\n“{{readBack}}”',
    'question_asked.subject': 'Passaggio di consegne: una domanda sul brief di {{client}}',
    'question_asked.text': '{{asker}} chiede su {{client}}:\n\n“{{question}}”\n\nRispondi sul brief.',
    'question_answered.subject': 'Passaggio di consegne: risposta alla tua domanda su {{client}}',
    'question_answered.text': '{{owner}} ha risposto alla tua domanda su {{client}}:\n\n“{{question}}”\n\n{{answer}}',
    'read_back_accepted.subject': 'Passaggio di consegne: la tua sintesi per {{client}} è stata accettata',
    'read_back_accepted.text': '{{owner}} ha accettato la tua sintesi del brief di {{client}} (versione {{version}}).',
    'read_back_asked_again.subject': 'Passaggio di consegne: {{owner}} ti chiede una nuova sintesi per {{client}}',
    'read_back_asked_again.text':
      '{{owner}} ti chiede di confermare di nuovo il brief di {{client}} con una nuova sintesi.\n\nLa sua nota: “{{note}}”',
    'readiness_reached.subject': 'Consegne pronte: tutti i brief dell’assenza dal {{start}} sono confermati',
    'readiness_reached.text':
      'La prontezza ha raggiunto il 100 %: {{delegate}} ha confermato tutti i brief dell’assenza di {{owner}} dal {{start}}, con le sintesi dei clienti chiave accettate.',
  },
});
