import nodemailer from 'nodemailer';

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  messageId: string;
  /** SMTP MAIL FROM; an empty string is the null sender `<>` (auto-replies). */
  envelopeFrom?: string | null;
};

/** Where outgoing mail goes: kept in the database outbox (default), or handed to an SMTP server. */
export type MailTransport = {
  kind: 'outbox' | 'smtp';
  deliver: (mail: OutgoingMail) => Promise<'stored' | 'sent'>;
  close: () => void;
};

export const internalOutboxTransport: MailTransport = {
  kind: 'outbox',
  // The message already sits in the outbox table, where admins read it; nothing leaves the machine.
  deliver: async () => 'stored',
  close: () => {},
};

export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async deliver(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: mail.headers,
        messageId: mail.messageId,
        envelope: { from: mail.envelopeFrom ?? undefined, to: [mail.to] },
      });
      return 'sent';
    },
    close: () => transporter.close(),
  };
}

export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  return smtpUrl ? createSmtpTransport(smtpUrl) : internalOutboxTransport;
}
