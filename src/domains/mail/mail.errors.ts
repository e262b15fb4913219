import { defineErrors } from '../../platform/http/errors';

export const mailErrors = defineErrors({
  mailboxNotFound: ['mail.mailbox_not_found', 404, 'No such mailbox in this workspace'],
  mailboxAmbiguous: ['mail.mailbox_ambiguous', 400, 'Several mailboxes have this address: name the workspace'],
  mailboxRequired: ['mail.mailbox_required', 400, 'Name the mailbox the message was delivered to (?mailbox=ADDRESS)'],
  secretKeyMissing: [
    'mail.secret_key_missing',
    409,
    'IMAP mailboxes need BATON_SECRET_KEY (32 random bytes, base64 or hex) to encrypt their passwords: set it and restart Baton',
  ],
  imapNotConfigured: ['mail.imap_not_configured', 409, 'This mailbox has no IMAP settings'],
  imapPasswordRequired: [
    'mail.imap_password_required',
    400,
    'Enter the password: it is needed for a new IMAP mailbox and whenever the server, port or login changes',
  ],
  mailboxHasMessages: [
    'mail.mailbox_has_messages',
    409,
    'This mailbox has messages, which are evidence for briefings and reports: pause it or remove its IMAP settings instead',
  ],
  attachmentNotFound: ['mail.attachment_not_found', 404, 'No such attachment'],
  attachmentNotStored: ['mail.attachment_not_stored', 404, 'This attachment was not stored'],
  attachmentUnreadable: [
    'mail.attachment_unreadable',
    500,
    'This attachment could not be read from the stored message: download the whole message (.eml) instead',
  ],
  mailboxTaken: ['mail.mailbox_taken', 409, 'A mailbox with this address already exists in the workspace'],
  ownerNotFound: ['mail.owner_not_found', 404, 'No such user in this workspace'],
  notMailboxOwner: ['mail.not_mailbox_owner', 403, 'Only an admin or the mailbox owner can do this'],
  messageNotFound: ['mail.message_not_found', 404, 'No such message'],
  notQuarantined: ['mail.not_quarantined', 409, 'The message is not quarantined'],
  clientNotFound: ['mail.client_not_found', 404, 'No such client'],
  senderUnknown: ['mail.sender_missing', 409, 'The message has no sender address to attach'],
  emptyMessage: ['mail.empty_message', 400, 'The message is empty'],
  tooLarge: ['mail.too_large', 413, 'The message is larger than 25 MiB'],
  unsupportedType: ['mail.unsupported_media_type', 415, 'Send the raw message with Content-Type: message/rfc822'],
});
