import type { SignalScoreView } from '@contracts/coverage.contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

const humanise = (id: string) => id.replace(/[_-]+/g, ' ');

/** Why Baton thinks the client is upset or in a hurry: each signal with the words that triggered it. */
export function SignalsView({ signals }: { signals: SignalScoreView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const score = format.number(Math.round(signals.score * 100) / 100);
  const flags = (['angry', 'cancellationIntent', 'urgent'] as const).filter((flag) => signals[flag]);
  return (
    <div className="signals">
      <p>
        {flags.length
          ? t('coverage.signals.summary', { flags: flags.map((flag) => t(`coverage.signals.${flag}`)).join(', '), score })
          : t('coverage.signals.calm', { score })}
      </p>
      {signals.signals.length ? (
        <ul className="signals__list">
          {signals.signals.map((signal, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a signal may fire twice with different evidence
            <li key={`${signal.id}-${index}`}>
              <span className="signals__id">{t(`coverage.signals.ids.${signal.id}`, { defaultValue: humanise(signal.id) })}</span>{' '}
              <q className="signals__evidence">{signal.evidence}</q>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
