import '../coverage.css';
import type { ContactDetail } from '@contracts/coverage.contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useFormatters } from '@/lib/format';
import { useContact } from '../api/get-contact';
import { AttachClientForm } from '../components/attach-client-form';
import { BriefSummary } from '../components/brief-summary';
import { ClosedSummary } from '../components/closed-summary';
import { ContactBadges } from '../components/contact-badges';
import { contactTitle } from '../components/contact-title';
import { DueLabel } from '../components/due-label';
import { EscalationItem } from '../components/escalation-item';
import { FaqMatches } from '../components/faq-matches';
import { LogCallForm } from '../components/log-call-form';
import { MessageList } from '../components/message-list';
import { OutcomeForm } from '../components/outcome-form';
import { REPLY_FIELD_ID, ReplyForm } from '../components/reply-form';
import { useServerNow } from '../components/server-clock';
import { SignalsView } from '../components/signals-view';
import { Timeline } from '../components/timeline';
import { useCoverageErrorMessage } from '../components/use-coverage-error';
import { useMediaQuery } from '../components/use-media-query';

function Actions({ contact, reply, onReply }: { contact: ContactDetail; reply: string; onReply: (body: string) => void }) {
  const { t } = useTranslation();
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState(false);
  if (contact.state === 'closed') {
    return (
      <Card title={t('coverage.closed.title')}>
        <ClosedSummary contact={contact} />
      </Card>
    );
  }
  if (!contact.canAct) return <Alert tone="info">{t('coverage.contact.readOnly')}</Alert>;
  return (
    <>
      {contact.clientId === null ? (
        <Card title={t('coverage.attach.title')}>
          <AttachClientForm contact={contact} />
        </Card>
      ) : null}
      {contact.replyTo ? (
        <Card title={t('coverage.reply.title')}>
          <ReplyForm contact={contact} body={reply} onBody={onReply} />
        </Card>
      ) : null}
      {contact.clientId ? (
        <Card title={t('coverage.logCall.onContact')}>
          {logged && !logging ? <Alert tone="success">{t('coverage.logCall.logged')}</Alert> : null}
          {logging ? (
            <LogCallForm
              clientId={contact.clientId}
              contactId={contact.id}
              onCancel={() => setLogging(false)}
              onDone={() => {
                setLogging(false);
                setLogged(true);
              }}
            />
          ) : (
            <>
              <p className="muted">{t('coverage.logCall.onContactLead')}</p>
              <Button size="small" variant="secondary" onClick={() => setLogging(true)}>
                {t('coverage.logCall.open')}
              </Button>
            </>
          )}
        </Card>
      ) : null}
      <Card title={t('coverage.outcome.title')} description={t('coverage.outcome.lead')}>
        <OutcomeForm contact={contact} />
      </Card>
    </>
  );
}

export function ContactPage() {
  const { t } = useTranslation();
  const errorMessage = useCoverageErrorMessage();
  const format = useFormatters();
  const contactId = useParams().contactId ?? '';
  const contact = useContact(contactId);
  const now = useServerNow();
  const wide = useMediaQuery('(min-width: 64rem)');
  const [reply, setReply] = useState('');

  const back = (
    <p className="back-link">
      <Link to="/coverage">← {t('coverage.back')}</Link>
    </p>
  );
  if (contact.isPending) return <Loading />;
  if (contact.isError) {
    return (
      <>
        {back}
        <PageHeader title={t('coverage.contact.title')} />
        <Alert tone="error">{errorMessage(contact.error)}</Alert>
      </>
    );
  }
  const data = contact.data;
  const lang = data.language === 'other' ? undefined : data.language;
  const canUseAnswers = data.canAct && data.state === 'open' && data.replyTo !== null;
  const insertAnswer = (answer: string) => {
    setReply((current) => (current.trim() ? `${current.trimEnd()}\n\n${answer}` : answer));
    requestAnimationFrame(() => document.getElementById(REPLY_FIELD_ID)?.focus());
  };

  // A logged call or meeting has no message: the timeline tells it.
  const messages =
    data.messages.length === 0 && data.kind !== 'email' ? null : (
      <Card title={t('coverage.contact.messages', { count: data.messages.length })}>
        <MessageList contact={data} />
      </Card>
    );
  const signals =
    data.signals && (data.signals.signals.length > 0 || data.signals.angry || data.signals.cancellationIntent || data.signals.urgent) ? (
      <Card title={t('coverage.signals.title')}>
        <SignalsView signals={data.signals} />
      </Card>
    ) : null;
  const faq =
    data.brief && (data.kind === 'email' || data.faqMatches.length > 0) ? (
      <Card title={t('coverage.faq.title')} description={canUseAnswers ? t('coverage.faq.lead') : undefined}>
        <FaqMatches contact={data} onUse={canUseAnswers ? insertAnswer : undefined} />
      </Card>
    ) : null;
  const brief = (
    <Card title={t('coverage.brief.title')}>
      {data.brief ? (
        <BriefSummary brief={data.brief} lang={lang} />
      ) : (
        <p className="muted">{data.clientId ? t('coverage.brief.none') : t('coverage.brief.unknownSender')}</p>
      )}
    </Card>
  );
  const escalations = data.escalations.length ? (
    <Card title={t('coverage.escalations.onContact')}>
      <ul className="escalation-list escalation-list--inline">
        {data.escalations.map((escalation) => (
          <li key={escalation.id}>
            <EscalationItem escalation={escalation} headingLevel={3} showContactLink={false} />
          </li>
        ))}
      </ul>
    </Card>
  ) : null;
  const timeline = (
    <Card title={t('coverage.timeline.title')}>
      <Timeline activities={data.activities} />
    </Card>
  );
  const actions = <Actions contact={data} reply={reply} onReply={setReply} />;

  let body: ReactNode;
  if (wide) {
    body = (
      <div className="contact-layout">
        <div className="contact-layout__main">
          {messages}
          {signals}
          {actions}
          {escalations}
          {timeline}
        </div>
        <aside className="contact-layout__aside" aria-label={t('coverage.brief.aside')}>
          {faq}
          {brief}
        </aside>
      </div>
    );
  } else {
    // On a phone: read, find the answer, act; the rest of the brief after.
    body = (
      <>
        {messages}
        {signals}
        {faq}
        {actions}
        {brief}
        {escalations}
        {timeline}
      </>
    );
  }

  return (
    <>
      {back}
      <PageHeader
        title={contactTitle(t, data)}
        description={t(data.kind === 'email' ? 'coverage.contact.from' : 'coverage.contact.with', {
          who: data.fromName || data.fromAddress || t('coverage.noSender'),
          client: data.clientName ?? t('coverage.badges.unknownSender'),
          date: format.dateTime(data.receivedAt),
        })}
      />
      <div className="contact-status">
        <DueLabel contact={data} now={now} />
        {data.state === 'open' && data.outcome ? <Badge tone="info">{t(`coverage.outcomes.${data.outcome}`)}</Badge> : null}
        <ContactBadges contact={data} />
        <span className="muted">{t('coverage.coveringFor', { assignee: data.assigneeName, owner: data.ownerName })}</span>
      </div>
      {body}
    </>
  );
}
