import type { ContactSummary, SignalScoreView } from '@contracts/coverage.contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/ui/badge';

type Flag = 'angry' | 'cancellationIntent' | 'urgent';
const flagWords: Record<Flag, RegExp> = {
  angry: /ang(er|ry)|rude|caps|shout|exclam/i,
  cancellationIntent: /cancel|leav|terminat|switch/i,
  urgent: /urgen|asap|deadline/i,
};

/** The evidence behind one flag: the signals whose id names it, else every signal (the score is their sum). */
export function evidenceFor(signals: SignalScoreView, flag: Flag): string {
  const matching = signals.signals.filter((signal) => flagWords[flag].test(signal.id));
  return (matching.length ? matching : signals.signals).map((signal) => `“${signal.evidence}”`).join(', ');
}

/** Tier, status, signals, escalation and the role the assignee covers in: what makes a contact urgent at a glance. */
export function ContactBadges({ contact }: { contact: ContactSummary }) {
  const { t } = useTranslation();
  const signals = contact.signals;
  const flags = signals ? (['angry', 'cancellationIntent', 'urgent'] as const).filter((flag) => signals[flag]) : [];
  return (
    <span className="badge-row">
      {contact.kind !== 'email' ? <Badge tone="neutral">{t(`coverage.kinds.${contact.kind}`)}</Badge> : null}
      {contact.clientId === null ? <Badge tone="warning">{t('coverage.badges.unknownSender')}</Badge> : null}
      {contact.tier === 'key' ? <Badge tone="accent">{t('coverage.badges.key')}</Badge> : null}
      {contact.clientStatus === 'at_risk' ? <Badge tone="danger">{t('coverage.badges.atRisk')}</Badge> : null}
      {signals
        ? flags.map((flag) => {
            const evidence = evidenceFor(signals, flag);
            return (
              <span key={flag} title={evidence}>
                <Badge tone="danger">
                  {t(`coverage.signals.${flag}`)}
                  {evidence ? <span className="visually-hidden">: {evidence}</span> : null}
                </Badge>
              </span>
            );
          })
        : null}
      {contact.escalated ? <Badge tone="warning">{t('coverage.badges.escalated')}</Badge> : null}
      {contact.assigneeRole !== 'primary' ? <Badge tone="info">{t(`coverage.badges.coveringAs.${contact.assigneeRole}`)}</Badge> : null}
    </span>
  );
}
