import './briefs.css';
import type { BriefContent } from '@contracts/briefs.contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';

/** A brief as the delegate reads it: every field under its heading, empty ones said so. */
export function BriefContentView({ content, lang }: { content: BriefContent; lang?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const empty = <p className="muted">{t('briefs.fields.empty')}</p>;
  const list = (items: string[]) =>
    items.length ? (
      <ul>
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are plain texts that may repeat
          <li key={index}>{item}</li>
        ))}
      </ul>
    ) : (
      empty
    );
  const section = (field: keyof BriefContent, body: React.ReactNode) => (
    <section className="brief-section" aria-labelledby={`field-${field}`}>
      <h3 id={`field-${field}`} className="brief-section__title">
        {t(`briefs.fields.${field}`)}
      </h3>
      {body}
    </section>
  );
  return (
    <div className="brief-content" lang={lang}>
      {section('situation', content.situation ? <p className="pre-line">{content.situation}</p> : empty)}
      {section('keyFacts', list(content.keyFacts))}
      {section(
        'nextSteps',
        list(content.nextSteps.map((step) => (step.due ? `${step.text} — ${format.calendarDay(step.due)}` : step.text))),
      )}
      {section('commitments', list(content.commitments))}
      {section(
        'faq',
        content.faq.length ? (
          <dl className="faq">
            {content.faq.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity of a FAQ row
              <div key={index}>
                <dt>{item.question}</dt>
                <dd>{item.answer}</dd>
              </div>
            ))}
          </dl>
        ) : (
          empty
        ),
      )}
      {section(
        'contacts',
        list(
          content.contacts.map((c) =>
            [c.name, c.side === 'client' ? t('briefs.fields.sideClient') : t('briefs.fields.sideInternal'), c.reachFor, c.email, c.phone]
              .filter(Boolean)
              .join(' · '),
          ),
        ),
      )}
      {section('dos', list(content.dos))}
      {section('donts', list(content.donts))}
      {section('contingencies', list(content.contingencies.map((c) => `${c.when} → ${c.action}`)))}
      {section(
        'links',
        content.links.length ? (
          <ul>
            {content.links.map((link, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: links may repeat
              <li key={index}>
                <a href={link.url} rel="noreferrer noopener" target="_blank">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          empty
        ),
      )}
      {section('clientSummary', content.clientSummary ? <p className="pre-line">{content.clientSummary}</p> : empty)}
    </div>
  );
}
