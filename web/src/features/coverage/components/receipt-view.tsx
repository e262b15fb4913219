import type { AcknowledgementReceipt } from '@contracts/coverage.contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';
import { useFormatters } from '@/lib/format';

export type ReceiptLike = Pick<AcknowledgementReceipt, 'delegateName' | 'version' | 'contentHash' | 'acknowledgedAt' | 'readBack'> &
  Partial<Pick<AcknowledgementReceipt, 'delegateRole' | 'superseded'>>;

/** One acknowledgement receipt: who confirmed which version (by its content hash), when, and in their own words. */
export function ReceiptView({ receipt }: { receipt: ReceiptLike }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className={`ack-receipt${receipt.superseded ? ' ack-receipt--old' : ''}`}>
      <dl className="ack-receipt__facts">
        <div>
          <dt>{t('coverage.receipt.delegate')}</dt>
          <dd>
            {receipt.delegateName}
            {receipt.delegateRole ? ` (${t(`coverage.receipt.roles.${receipt.delegateRole}`)})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('coverage.receipt.version')}</dt>
          <dd>
            {receipt.version} {receipt.superseded ? <Badge tone="neutral">{t('coverage.receipt.superseded')}</Badge> : null}
          </dd>
        </div>
        <div>
          <dt>{t('coverage.receipt.hash')}</dt>
          <dd>
            <code title={receipt.contentHash}>{receipt.contentHash.slice(0, 12)}</code>
          </dd>
        </div>
        <div>
          <dt>{t('coverage.receipt.at')}</dt>
          <dd>
            <time dateTime={receipt.acknowledgedAt}>{format.dateTime(receipt.acknowledgedAt)}</time>
          </dd>
        </div>
      </dl>
      <p className="ack-receipt__label">{t('coverage.receipt.readBack')}</p>
      {receipt.readBack ? (
        <blockquote className="ack-receipt__read-back">{receipt.readBack}</blockquote>
      ) : (
        <p className="muted">{t('coverage.receipt.noReadBack')}</p>
      )}
    </div>
  );
}
