import type { ContactBrief } from '@contracts/coverage.contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="brief-part">
      <h3 className="brief-part__title">{title}</h3>
      {children}
    </section>
  );
}

function Items({ items }: { items: ReactNode[] }) {
  return (
    <ul className="brief-part__list">
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: brief lines are plain texts that may repeat
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** The client's brief as a delegate needs it mid-conversation: only the parts that say what to do or say. */
export function BriefSummary({ brief, lang }: { brief: ContactBrief; lang?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const c = brief.content;
  const nothing =
    !c.situation &&
    !c.nextSteps.length &&
    !c.commitments.length &&
    !c.dos.length &&
    !c.donts.length &&
    !c.contacts.length &&
    !c.contingencies.length;
  return (
    <div className="brief-summary" lang={lang}>
      <p className="muted brief-summary__version">
        {t('coverage.brief.version', { version: brief.version })}
        {brief.contentHash ? ` · ${brief.contentHash.slice(0, 12)}` : ''}
      </p>
      {nothing ? <p className="muted">{t('coverage.brief.empty')}</p> : null}
      {c.situation ? (
        <Section title={t('coverage.brief.situation')}>
          <p className="pre-line">{c.situation}</p>
        </Section>
      ) : null}
      {c.nextSteps.length ? (
        <Section title={t('coverage.brief.nextSteps')}>
          <Items
            items={c.nextSteps.map((step) =>
              step.due ? (
                <>
                  {step.text} <span className="muted">· {t('coverage.brief.due', { date: format.calendarDay(step.due) })}</span>
                </>
              ) : (
                step.text
              ),
            )}
          />
        </Section>
      ) : null}
      {c.commitments.length ? (
        <Section title={t('coverage.brief.commitments')}>
          <Items items={c.commitments} />
        </Section>
      ) : null}
      {c.dos.length ? (
        <Section title={t('coverage.brief.dos')}>
          <Items items={c.dos} />
        </Section>
      ) : null}
      {c.donts.length ? (
        <Section title={t('coverage.brief.donts')}>
          <Items items={c.donts} />
        </Section>
      ) : null}
      {c.contacts.length ? (
        <Section title={t('coverage.brief.contacts')}>
          <Items
            items={c.contacts.map((person) =>
              [person.name, t(`coverage.brief.side.${person.side}`), person.reachFor, person.email, person.phone]
                .filter(Boolean)
                .join(' · '),
            )}
          />
        </Section>
      ) : null}
      {c.contingencies.length ? (
        <Section title={t('coverage.brief.contingencies')}>
          <Items items={c.contingencies.map((item) => t('coverage.brief.when', { when: item.when, action: item.action }))} />
        </Section>
      ) : null}
    </div>
  );
}
