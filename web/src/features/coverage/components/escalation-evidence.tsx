import type { Escalation } from '@contracts/coverage.contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';
import { type ReceiptLike, ReceiptView } from './receipt-view';

type Bag = Record<string, unknown>;
const isRecord = (value: unknown): value is Bag => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' && value ? value : null);

function asReceipt(value: unknown): ReceiptLike | null {
  if (!isRecord(value)) return null;
  const delegateName = str(value.delegateName);
  const contentHash = str(value.contentHash);
  const acknowledgedAt = str(value.acknowledgedAt);
  if (!delegateName || !contentHash || !acknowledgedAt || typeof value.version !== 'number') return null;
  const role = value.delegateRole === 'primary' || value.delegateRole === 'backup' ? value.delegateRole : undefined;
  return {
    delegateName,
    contentHash,
    acknowledgedAt,
    version: value.version,
    readBack: str(value.readBack),
    delegateRole: role,
    superseded: value.superseded === true,
  };
}

/** Receipts wherever the server put them: `receipt`, `receipts`, `acknowledgements`, or the evidence itself. */
function receiptsOf(evidence: Bag): ReceiptLike[] {
  const candidates = [
    evidence.receipt,
    ...(Array.isArray(evidence.receipts) ? evidence.receipts : []),
    ...(Array.isArray(evidence.acknowledgements) ? evidence.acknowledgements : []),
    evidence,
  ];
  return candidates.map(asReceipt).filter((receipt): receipt is ReceiptLike => receipt !== null);
}

function signalsOf(evidence: Bag): { id: string; evidence: string }[] {
  const raw = isRecord(evidence.signals) ? evidence.signals.signals : evidence.signals;
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((signal) => ({ id: str(signal.id) ?? '', evidence: str(signal.evidence) ?? '' }));
}

/** Why the escalation was raised, in words: the receipt and note, the missed deadline, the words that worried Baton. */
export function EscalationEvidence({ escalation }: { escalation: Escalation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const evidence = escalation.evidence;
  const rows: [string, ReactNode][] = [];
  const when = (key: string, label: string) => {
    const value = str(evidence[key]);
    if (value && !Number.isNaN(Date.parse(value)))
      rows.push([
        label,
        <time key={key} dateTime={value}>
          {format.dateTime(value)}
        </time>,
      ]);
  };
  const subject = str(evidence.subject);
  if (subject)
    rows.push([
      t('coverage.evidence.subject'),
      <span key="subject" className="break">
        {subject}
      </span>,
    ]);
  when('receivedAt', t('coverage.evidence.receivedAt'));
  when('dueAt', t('coverage.evidence.dueAt'));
  const note = str(evidence.note) ?? str(evidence.delegateNote) ?? str(evidence.outcomeNote);
  if (note)
    rows.push([
      t('coverage.evidence.note'),
      <span key="note" className="pre-line">
        {note}
      </span>,
    ]);
  // Every inbound escalation carries the client's status and the signals; each rule shows what proves it.
  const status = escalation.rule === 'at_risk_client' ? str(evidence.clientStatus) : null;
  if (status) rows.push([t('coverage.evidence.clientStatus'), t(`coverage.clientStatuses.${status}`, { defaultValue: status })]);
  const unanswered = evidence.unansweredContacts;
  if (typeof unanswered === 'number') rows.push([t('coverage.evidence.unanswered'), format.number(unanswered)]);
  const receipts = escalation.rule === 'no_information' ? receiptsOf(evidence) : [];
  const signals = escalation.rule === 'anger_key_account' || escalation.rule === 'repeat_contact' ? signalsOf(evidence) : [];

  if (rows.length === 0 && receipts.length === 0 && signals.length === 0) return null;
  return (
    <div className="evidence">
      {rows.length ? (
        <dl className="evidence__facts">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {escalation.rule === 'no_information' && receipts.length === 0 ? <p className="muted">{t('coverage.evidence.noReceipt')}</p> : null}
      {receipts.map((receipt) => (
        <ReceiptView key={`${receipt.delegateName}-${receipt.version}-${receipt.acknowledgedAt}`} receipt={receipt} />
      ))}
      {signals.length ? (
        <ul className="signals__list">
          {signals.map((signal, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a signal may fire twice with different evidence
            <li key={`${signal.id}-${index}`}>
              <span className="signals__id">
                {t(`coverage.signals.ids.${signal.id}`, { defaultValue: signal.id.replace(/[_-]+/g, ' ') })}
              </span>{' '}
              <q>{signal.evidence}</q>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
