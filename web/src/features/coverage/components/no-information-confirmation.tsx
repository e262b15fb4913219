import type { ContactDetail } from '@contracts/coverage.contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormatters } from '@/lib/format';
import { useSession } from '@/lib/session';
import { ReceiptView } from './receipt-view';

/**
 * Before "no information" is recorded on a brief someone confirmed having read: the receipts, and what happens
 * next. The manager gets the same receipt, so the delegate sees exactly what will be shown.
 */
export function NoInformationConfirmation({
  contact,
  note,
  busy,
  error,
  onConfirm,
  onBack,
}: {
  contact: ContactDetail;
  note: string;
  busy: boolean;
  error?: string;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form was replaced by this panel: keyboard and screen-reader users land on its title.
  useEffect(() => heading.current?.focus(), []);
  const receipts = [...(contact.brief?.acknowledgements ?? [])].sort((a, b) => Number(a.superseded) - Number(b.superseded));
  const mine = receipts.find((receipt) => receipt.delegateId === session.user.id);
  const latest = mine ?? receipts[0];
  const lead = latest
    ? mine
      ? t('coverage.confirm.youAcknowledged', { date: format.dateTime(latest.acknowledgedAt) })
      : t('coverage.confirm.theyAcknowledged', { name: latest.delegateName, date: format.dateTime(latest.acknowledgedAt) })
    : '';
  return (
    <section className="confirm-panel" aria-labelledby="confirm-heading">
      <h3 id="confirm-heading" className="confirm-panel__title" ref={heading} tabIndex={-1}>
        {t('coverage.confirm.title')}
      </h3>
      <p>
        {lead} {t('coverage.confirm.body')}
      </p>
      <ul className="confirm-panel__receipts">
        {receipts.map((receipt) => (
          <li key={`${receipt.delegateId}-${receipt.version}-${receipt.acknowledgedAt}`}>
            <ReceiptView receipt={receipt} />
          </li>
        ))}
      </ul>
      <p className="confirm-panel__note">
        <span className="muted">{t('coverage.confirm.yourNote')}</span> {note}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="form__actions">
        <Button variant="danger" busy={busy} onClick={onConfirm}>
          {t('coverage.confirm.confirm')}
        </Button>
        <Button variant="secondary" onClick={onBack} disabled={busy}>
          {t('coverage.confirm.back')}
        </Button>
      </div>
    </section>
  );
}
