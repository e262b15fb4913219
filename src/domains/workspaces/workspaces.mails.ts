import { createTranslator } from '../../platform/i18n/translator';

export const translateWorkspaceMail = createTranslator({
  en: {
    'invitation.subject': 'You are invited to {{workspace}} on Baton',
    'invitation.body':
      'Hello,\n\n{{inviter}} invited you to join {{workspace}} on Baton, where the team hands clients over safely during absences.\n\nAccept the invitation and choose your password here:\n{{link}}\n\nThe link works until {{expires}}. If you did not expect this message, ignore it.\n\n— Baton',
  },
  it: {
    'invitation.subject': 'Invito a {{workspace}} su Baton',
    'invitation.body':
      'Buongiorno,\n\n{{inviter}} ti ha invitato a unirti a {{workspace}} su Baton, dove il team si passa i clienti in sicurezza durante le assenze.\n\nAccetta l’invito e scegli la tua password qui:\n{{link}}\n\nIl link è valido fino al {{expires}}. Se non aspettavi questo messaggio, ignoralo.\n\n— Baton',
  },
});
