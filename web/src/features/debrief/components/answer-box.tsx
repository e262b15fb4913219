import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { cacheAnswer, saveAnswer } from '../api/save-answer';
import { useDebriefErrorMessage } from './use-debrief-error';

/** Typing pauses this long before the answer is saved; leaving the box or the page saves at once. */
const SAVE_AFTER_MS = 1200;
/** Never equal to a real text: forces the next save after a failure. */
const RESEND = '\u0000';

type Status = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

/**
 * The caller's own answer (or notes) to one question, saved as they type. Nothing is lost on the way out: leaving
 * the box, hiding the tab or leaving the page (in the app or not) saves what is pending, and the browser asks before
 * closing a page whose answer has not reached the server.
 */
export function AnswerBox({
  debriefId,
  absenceId,
  questionId,
  questionText,
  respondentId,
  initial,
  label,
}: {
  debriefId: string;
  absenceId: string;
  questionId: string;
  questionText: string;
  respondentId: string;
  initial: string;
  label: string;
}) {
  const { t } = useTranslation();
  const errorMessage = useDebriefErrorMessage();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<Status>('idle');
  const [failure, setFailure] = useState<unknown>(null);
  const latest = useRef(initial);
  /** The text last sent (or being sent): what the server will hold once the queue is through. */
  const queued = useRef(initial.trim());
  const inFlight = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = latest.current.trim();
    if (value === queued.current) return;
    queued.current = value;
    inFlight.current += 1;
    if (mounted.current) setStatus('saving');
    // One save after the other, so an older text never lands after a newer one.
    chain.current = chain.current.then(async () => {
      try {
        const { answer } = await saveAnswer(debriefId, { questionId, text: value });
        cacheAnswer(queryClient, absenceId, { questionId, respondentId, answer });
        if (mounted.current && queued.current === value && latest.current.trim() === value) setStatus('saved');
      } catch (error) {
        if (queued.current === value) queued.current = RESEND;
        if (mounted.current) {
          setFailure(error);
          setStatus('failed');
        }
      } finally {
        inFlight.current -= 1;
      }
    });
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => {
    mounted.current = true;
    const pending = () => latest.current.trim() !== queued.current || inFlight.current > 0;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      flushRef.current();
      if (pending()) event.preventDefault();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') flushRef.current();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', hidden);
      // Navigating away inside the app: the pending text is still sent.
      mounted.current = false;
      flushRef.current();
    };
  }, []);

  const change = (value: string) => {
    setText(value);
    latest.current = value;
    setStatus(value.trim() === queued.current ? 'saved' : 'unsaved');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => flushRef.current(), SAVE_AFTER_MS);
  };

  const statusText =
    status === 'unsaved'
      ? t('debrief.answer.unsaved')
      : status === 'saving'
        ? t('debrief.answer.saving')
        : status === 'saved'
          ? t('debrief.answer.saved')
          : status === 'failed'
            ? t('debrief.answer.failed', { error: errorMessage(failure) })
            : t('debrief.answer.hint');

  return (
    <div className={`field debrief-answer${status === 'failed' ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        <span aria-hidden="true">{label}</span>
        <span className="visually-hidden">{`${label}: ${questionText}`}</span>
      </label>
      <textarea
        id={id}
        className="input"
        rows={4}
        maxLength={10_000}
        value={text}
        aria-describedby={`${id}-status`}
        onChange={(event) => change(event.target.value)}
        onBlur={() => flush()}
      />
      <p id={`${id}-status`} className={status === 'failed' ? 'field__error' : 'field__hint'} aria-live="polite">
        {statusText}{' '}
        {status === 'failed' ? (
          <Button variant="secondary" size="small" onClick={() => flush()}>
            {t('debrief.answer.retry')}
          </Button>
        ) : null}
      </p>
    </div>
  );
}
