// The inbound SMTP listener: a transport-level driver. It speaks SMTP (smtp-server) and knows nothing of
// Baton's tables; the mail domain gives it two callbacks — who is a known recipient, and what to do with a
// received message — and it turns their answers into the proper SMTP replies.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export type SmtpDelivery = {
  /** MAIL FROM; '' for the null sender `<>` (bounces, auto-replies). */
  envelopeFrom: string;
  /** The accepted RCPT TO addresses, lower-cased, each once. */
  recipients: string[];
  raw: Buffer;
};

export type SmtpListenerOptions = {
  host: string;
  /** 0 picks a free port (tests); `address()` tells which. */
  port: number;
  /** Advertised with SIZE and enforced: a larger message is refused with 552 5.3.4. */
  maxBytes: number;
  isKnownRecipient: (address: string) => Promise<boolean>;
  /** Resolves only once the message is durably stored: the 250 reply waits for it. */
  deliver: (delivery: SmtpDelivery) => Promise<void>;
  /** Notified of internal failures (answered 451); never given message content. */
  onError?: (error: unknown, stage: 'rcpt' | 'data' | 'connection') => void;
  banner?: string;
};

export type SmtpListener = {
  listen: () => Promise<{ host: string; port: number }>;
  address: () => { host: string; port: number } | null;
  close: () => Promise<void>;
};

function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

const temporaryFailure = () => smtpError(451, 'temporary failure, please try again later');

export function createSmtpListener(options: SmtpListenerOptions): SmtpListener {
  const server = new SMTPServer({
    banner: options.banner ?? 'Baton',
    // No credentials are checked: who may deliver is decided by where the port listens (loopback by default)
    // and by the recipients it accepts. AUTH and STARTTLS are off (no certificate is configured).
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes,
    rejectOversized: true,
    hideENHANCEDSTATUSCODES: false,
    // smtp-server's own log would carry addresses and commands; Baton logs what it needs itself.
    logger: false,

    onRcptTo(address, _session, callback) {
      const recipient = address.address.trim().toLowerCase();
      options.isKnownRecipient(recipient).then(
        (known) => callback(known ? undefined : smtpError(550, 'no such mailbox here')),
        (error: unknown) => {
          options.onError?.(error, 'rcpt');
          callback(temporaryFailure());
        },
      );
    },

    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the rest is drained, not kept: the reply is 552 whatever happens.
        if (bytes <= options.maxBytes) chunks.push(chunk);
      });
      stream.on('error', () => callback(temporaryFailure()));
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > options.maxBytes) {
          callback(smtpError(552, `message exceeds fixed maximum message size ${options.maxBytes}`));
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        const delivery: SmtpDelivery = {
          envelopeFrom: mailFrom ? mailFrom.address.trim() : '',
          recipients: [...new Set(session.envelope.rcptTo.map((rcpt) => rcpt.address.trim().toLowerCase()))],
          raw: Buffer.concat(chunks, bytes),
        };
        options.deliver(delivery).then(
          () => callback(null, 'OK: message accepted'),
          (error: unknown) => {
            options.onError?.(error, 'data');
            callback(temporaryFailure());
          },
        );
      });
    },
  });

  // Connection-level errors (a client resetting its socket, …) must not take Baton down.
  server.on('error', (error) => options.onError?.(error, 'connection'));
  let bound: { host: string; port: number } | null = null;

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(options.port, options.host, () => {
          server.off('error', onError);
          const info = server.server.address() as AddressInfo;
          bound = { host: info.address, port: info.port };
          resolve(bound);
        });
      }),
    address: () => bound,
    close: () =>
      new Promise<void>((resolve) => {
        if (!bound) return resolve();
        bound = null;
        server.close(() => resolve());
      }),
  };
}
