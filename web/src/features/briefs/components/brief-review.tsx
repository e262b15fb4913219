import './briefs.css';
import type { BriefDetail } from '@contracts/briefs.contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextAreaField } from '@/components/ui/field';
import { useFormatters } from '@/lib/format';
import { useSession } from '@/lib/session';
import { acknowledgeBrief, answerQuestion, askQuestion, reviewReadBack, useBriefMutation } from '../api/update-brief';
import { useBriefErrorMessage } from './use-brief-error';

const short = (hash: string) => hash.slice(0, 12);

/** The delegate's acknowledgement of the version on screen; a read-back for key accounts. */
export function AcknowledgeForm({ detail }: { detail: BriefDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const format = useFormatters();
  const errorMessage = useBriefErrorMessage();
  const [readBack, setReadBack] = useState('');
  const acknowledge = useBriefMutation(
    detail.brief.id,
    detail.absence.id,
    (input: { version: number; contentHash: string; readBack: string | null }) => acknowledgeBrief(detail.brief.id, input),
  );
  const current = detail.current;
  if (!current) return null;
  const mine = detail.acknowledgements.find((ack) => ack.delegateId === user.id && ack.current);
  const key = detail.brief.keyAccount;
  return (
    <Card
      title={t('briefs.acknowledge.title')}
      description={t('briefs.acknowledge.lead', { version: current.version, hash: short(current.contentHash) })}
    >
      {mine && mine.readBackStatus !== 'asked_again' ? (
        <Alert tone="success">
          {t('briefs.acknowledge.current', { version: mine.version, date: format.dateTime(mine.acknowledgedAt) })}
        </Alert>
      ) : (
        <form
          className="form stack"
          // The server's translated errors explain what a read-back needs; the browser's bubble would not.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            acknowledge.mutate({ version: current.version, contentHash: current.contentHash, readBack: readBack.trim() || null });
          }}
        >
          {mine?.readBackStatus === 'asked_again' ? (
            <Alert tone="warning">{t('briefs.acknowledge.askedAgain', { note: mine.ownerNote ?? '' })}</Alert>
          ) : null}
          <TextAreaField
            label={key ? t('briefs.acknowledge.readBack') : t('briefs.acknowledge.readBackOptional')}
            hint={key ? t('briefs.acknowledge.readBackHint') : undefined}
            required={key}
            rows={4}
            value={readBack}
            error={acknowledge.isError ? errorMessage(acknowledge.error) : undefined}
            onChange={(event) => setReadBack(event.target.value)}
          />
          <div className="form__actions">
            <Button type="submit" busy={acknowledge.isPending}>
              {t('briefs.acknowledge.submit', { version: current.version })}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}

/** Every receipt: who acknowledged which version, when, in their words; the owner reviews pending read-backs. */
export function AcknowledgementsList({ detail }: { detail: BriefDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useBriefErrorMessage();
  const [askingFor, setAskingFor] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const review = useBriefMutation(
    detail.brief.id,
    detail.absence.id,
    (input: { id: string; decision: 'accept' | 'ask_again'; note: string | null }) =>
      reviewReadBack(input.id, { decision: input.decision, note: input.note }),
  );
  const isOwner = detail.viewerRole === 'owner';
  return (
    <Card title={t('briefs.acknowledgements.title')}>
      {review.isError ? <Alert tone="error">{errorMessage(review.error)}</Alert> : null}
      {detail.acknowledgements.length === 0 ? (
        <p className="muted">{t('briefs.acknowledgements.empty')}</p>
      ) : (
        <ul className="stack plain-list">
          {detail.acknowledgements.map((ack) => (
            <li key={ack.id} className={`receipt${ack.current ? '' : ' receipt--old'}`}>
              <p>
                {t('briefs.acknowledgements.by', {
                  name: ack.delegateName,
                  role: t(`briefs.brief.role.${ack.delegateRole}`),
                  version: ack.version,
                  date: format.dateTime(ack.acknowledgedAt),
                })}{' '}
                <code title={ack.contentHash}>{short(ack.contentHash)}</code>{' '}
                <Badge tone={ack.readBackStatus === 'accepted' ? 'success' : ack.readBackStatus === 'pending' ? 'warning' : 'neutral'}>
                  {t(`briefs.acknowledgements.readBackStatus.${ack.readBackStatus}`)}
                </Badge>{' '}
                {ack.current ? null : <Badge>{t('briefs.acknowledgements.superseded')}</Badge>}
              </p>
              {ack.readBack ? <blockquote className="read-back">{ack.readBack}</blockquote> : null}
              {ack.ownerNote ? <p className="muted">{t('briefs.acknowledgements.note', { note: ack.ownerNote })}</p> : null}
              {isOwner && ack.current && ack.readBackStatus === 'pending' ? (
                askingFor === ack.id ? (
                  <form
                    className="form stack"
                    onSubmit={(event) => {
                      event.preventDefault();
                      review.mutate({ id: ack.id, decision: 'ask_again', note: note.trim() }, { onSuccess: () => setAskingFor(null) });
                    }}
                  >
                    <TextAreaField
                      label={t('briefs.acknowledgements.askAgainNote')}
                      rows={2}
                      required
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                    />
                    <div className="form__actions">
                      <Button type="submit" busy={review.isPending}>
                        {t('briefs.acknowledgements.askAgainSubmit')}
                      </Button>
                      <Button variant="secondary" onClick={() => setAskingFor(null)}>
                        {t('briefs.panel.cancel')}
                      </Button>
                    </div>
                  </form>
                ) : (
                  <div className="form__actions">
                    <Button
                      size="small"
                      busy={review.isPending}
                      onClick={() => review.mutate({ id: ack.id, decision: 'accept', note: null })}
                    >
                      {t('briefs.acknowledgements.accept')}
                    </Button>
                    <Button size="small" variant="secondary" onClick={() => setAskingFor(ack.id)}>
                      {t('briefs.acknowledgements.askAgain')}
                    </Button>
                  </div>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Questions on the brief: delegates and the manager ask, the owner answers. */
export function QuestionsThread({ detail }: { detail: BriefDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useBriefErrorMessage();
  const [question, setQuestion] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const ask = useBriefMutation(detail.brief.id, detail.absence.id, (text: string) => askQuestion(detail.brief.id, text));
  const answer = useBriefMutation(detail.brief.id, detail.absence.id, (input: { id: string; text: string }) =>
    answerQuestion(input.id, input.text),
  );
  // Delegates and the absence's manager ask; the owner answers; overseers only read.
  const canAsk = ['primary', 'backup', 'manager'].includes(detail.viewerRole) && detail.current !== null;
  return (
    <Card title={t('briefs.questions.title')}>
      <div className="stack">
        {detail.questions.length === 0 ? <p className="muted">{t('briefs.questions.empty')}</p> : null}
        <ul className="stack plain-list">
          {detail.questions.map((q) => (
            <li key={q.id} className="question">
              <p>
                <Badge tone={q.answer ? 'success' : 'warning'}>
                  {q.answer ? t('briefs.questions.answered') : t('briefs.questions.open')}
                </Badge>{' '}
                <span className="muted">{t('briefs.questions.askedBy', { name: q.askedByName, date: format.dateTime(q.askedAt) })}</span>
              </p>
              <p className="pre-line">{q.question}</p>
              {q.answer ? (
                <blockquote className="read-back">{q.answer}</blockquote>
              ) : detail.viewerRole === 'owner' ? (
                <form
                  className="form stack"
                  onSubmit={(event) => {
                    event.preventDefault();
                    answer.mutate({ id: q.id, text: answers[q.id]?.trim() ?? '' });
                  }}
                >
                  <TextAreaField
                    label={t('briefs.questions.answer')}
                    rows={2}
                    required
                    value={answers[q.id] ?? ''}
                    onChange={(e) => setAnswers((old) => ({ ...old, [q.id]: e.target.value }))}
                  />
                  <div className="form__actions">
                    <Button type="submit" size="small" busy={answer.isPending}>
                      {t('briefs.questions.answerSubmit')}
                    </Button>
                  </div>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
        {answer.isError ? <Alert tone="error">{errorMessage(answer.error)}</Alert> : null}
        {canAsk ? (
          <form
            className="form stack"
            onSubmit={(event) => {
              event.preventDefault();
              ask.mutate(question.trim(), { onSuccess: () => setQuestion('') });
            }}
          >
            <TextAreaField
              label={t('briefs.questions.ask')}
              rows={2}
              required
              value={question}
              error={ask.isError ? errorMessage(ask.error) : undefined}
              onChange={(e) => setQuestion(e.target.value)}
            />
            <div className="form__actions">
              <Button type="submit" busy={ask.isPending}>
                {t('briefs.questions.askSubmit')}
              </Button>
            </div>
          </form>
        ) : null}
      </div>
    </Card>
  );
}
