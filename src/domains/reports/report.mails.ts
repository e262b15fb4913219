import { createTranslator } from '../../platform/i18n/translator';

/** The report's notification to the manager, in the manager's language. */
export const translateReportMail = createTranslator({
  en: {
    'sent.subject': '{{owner}} sent you the report on the absence',
    'sent.subject_final': '{{owner}} sent you the final report on the absence',
    'sent.text':
      '{{owner}} is back and sent you the report on the absence ({{start}} – {{end}}): {{contacts}} client contacts, {{escalations}} escalations, {{open}} still open. It is a draft and may still be completed.',
    'sent.text_final':
      '{{owner}} is back and sent you the final report on the absence ({{start}} – {{end}}): {{contacts}} client contacts, {{escalations}} escalations, {{open}} still open. Content hash: {{hash}}.',
  },
  it: {
    'sent.subject': '{{owner}} ti ha inviato il resoconto dell’assenza',
    'sent.subject_final': '{{owner}} ti ha inviato il resoconto definitivo dell’assenza',
    'sent.text':
      'Al rientro, {{owner}} ti ha inviato il resoconto dell’assenza ({{start}} – {{end}}): {{contacts}} contatti dei clienti, {{escalations}} escalation, {{open}} ancora aperti. È una bozza e può ancora essere completata.',
    'sent.text_final':
      'Al rientro, {{owner}} ti ha inviato il resoconto definitivo dell’assenza ({{start}} – {{end}}): {{contacts}} contatti dei clienti, {{escalations}} escalation, {{open}} ancora aperti. Impronta del contenuto: {{hash}}.',
  },
});
