import type { ContactActivity } from '@contracts/coverage.contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

/** The lines worth reading in an activity's data, whatever its kind. */
function ActivityDetails({ activity }: { activity: ContactActivity }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const data = activity.data;
  const outcome = text(data.outcome);
  const rule = text(data.rule);
  const followUpOn = text(data.followUpOn);
  const occurredAt = text(data.occurredAt);
  const lines: { key: string; label?: string; value: string }[] = [];
  if (outcome) lines.push({ key: 'outcome', value: t(`coverage.outcomes.${outcome}`, { defaultValue: outcome }) });
  if (rule) lines.push({ key: 'rule', value: t(`coverage.rules.${rule}`, { defaultValue: rule }) });
  if (followUpOn) lines.push({ key: 'followUpOn', label: t('coverage.outcome.followUpOn'), value: format.calendarDay(followUpOn) });
  if (text(data.with)) lines.push({ key: 'with', label: t('coverage.logCall.with'), value: text(data.with) ?? '' });
  if (occurredAt) lines.push({ key: 'occurredAt', label: t('coverage.logCall.when'), value: format.dateTime(occurredAt) });
  // `to` is an address on a reply, a user id on a hand-off (whose name is `toName`).
  const to = text(data.toName) ?? text(data.recipientName) ?? (activity.kind === 'reply' ? text(data.to) : null);
  const from = activity.kind === 'message' ? text(data.from) : null;
  if (from) lines.push({ key: 'from', label: t('coverage.timeline.from'), value: from });
  if (to) lines.push({ key: 'to', label: t('coverage.timeline.to'), value: to });
  const client = text(data.clientName);
  if (client) lines.push({ key: 'client', label: t('coverage.columns.client'), value: client });
  const body = text(data.body) ?? text(data.summary) ?? text(data.note);
  return (
    <>
      {lines.map((line) => (
        <p key={line.key} className="timeline__line">
          {line.label ? <span className="muted">{line.label}: </span> : null}
          {line.value}
        </p>
      ))}
      {body ? <p className="timeline__body">{body}</p> : null}
    </>
  );
}

/** Everything that happened to the contact, in order: messages, replies, calls, hand-offs, escalations, the outcome. */
export function Timeline({ activities }: { activities: ContactActivity[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (activities.length === 0) return <p className="muted">{t('coverage.timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {activities.map((activity) => (
        <li key={activity.id} className={`timeline__item timeline__item--${activity.kind}`}>
          <p className="timeline__head">
            <span className="timeline__kind">{t(`coverage.timeline.kinds.${activity.kind}`)}</span>
            {activity.actorName ? <span> · {activity.actorName}</span> : null}
            <time className="muted" dateTime={activity.at}>
              {' '}
              · {format.dateTime(activity.at)}
            </time>
          </p>
          <ActivityDetails activity={activity} />
        </li>
      ))}
    </ol>
  );
}
