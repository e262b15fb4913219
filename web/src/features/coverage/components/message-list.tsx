import type { ContactDetail } from '@contracts/coverage.contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

type Message = ContactDetail['messages'][number];

/** The client's HTML, sanitised by the server, in a frame that runs no script; it grows to its content's height. */
const frameDocument = (html: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>body{font:15px/1.5 system-ui,sans-serif;margin:0;padding:4px;overflow-wrap:anywhere;color:#1c2530}img{max-width:100%}</style></head><body>${html}</body></html>`;

function MessageBody({ message, lang }: { message: Message; lang?: string }) {
  const { t } = useTranslation();
  if (!message.safeHtml) {
    return (
      <div className="message__text" lang={lang}>
        {message.textBody}
      </div>
    );
  }
  return (
    <iframe
      title={t('coverage.contact.messageFrame', { subject: message.subject || t('coverage.noSubject') })}
      className="message__frame"
      // No allow-scripts: same origin only lets this page read the height, nothing in the frame can run.
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={frameDocument(message.safeHtml)}
      onLoad={(event) => {
        const body = event.currentTarget.contentDocument?.body;
        if (body) event.currentTarget.style.height = `${Math.min(body.scrollHeight + 16, 900)}px`;
      }}
    />
  );
}

/** What the client wrote, oldest first. */
export function MessageList({ contact }: { contact: ContactDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const lang = contact.language === 'other' ? undefined : contact.language;
  if (contact.messages.length === 0) return <p className="muted">{t('coverage.contact.noMessages')}</p>;
  return (
    <ol className="message-list">
      {contact.messages.map((message) => (
        <li key={message.id} className="message">
          <p className="message__meta">
            <span className="message__from break">
              {message.fromName || message.fromAddress || t('coverage.noSender')}
              {message.fromName && message.fromAddress ? <span className="muted"> &lt;{message.fromAddress}&gt;</span> : null}
            </span>
            <time className="muted" dateTime={message.receivedAt}>
              {format.dateTime(message.receivedAt)}
            </time>
          </p>
          {contact.messages.length > 1 && message.subject ? <p className="message__subject">{message.subject}</p> : null}
          <MessageBody message={message} lang={lang} />
        </li>
      ))}
    </ol>
  );
}
