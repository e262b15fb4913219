import type { ContactDetail } from '@contracts/coverage.contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

const escapeRegExp = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every matched term marked, so the delegate sees why this answer came up. */
export function Highlight({ text, terms }: { text: string; terms: string[] }) {
  const usable = terms.filter((term) => term.trim().length > 1);
  if (usable.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${usable.map(escapeRegExp).join('|')})`, 'giu');
  const parts: ReactNode[] = text.split(pattern).map((part, index) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
    index % 2 === 1 ? <mark key={index}>{part}</mark> : part,
  );
  return <>{parts}</>;
}

/** The brief's answers to what the client asked, best first, each one click away from the reply box. */
export function FaqMatches({ contact, onUse }: { contact: ContactDetail; onUse?: (answer: string) => void }) {
  const { t } = useTranslation();
  if (contact.faqMatches.length === 0) return <p className="muted">{t('coverage.faq.none')}</p>;
  return (
    <ol className="faq-matches">
      {contact.faqMatches.map((match) => (
        <li key={match.index} className="faq-match">
          <h3 className="faq-match__question">
            <Highlight text={match.question} terms={match.matchedTerms} />
          </h3>
          <p className="faq-match__answer pre-line">
            <Highlight text={match.answer} terms={match.matchedTerms} />
          </p>
          {match.matchedTerms.length ? (
            <p className="faq-match__terms muted">{t('coverage.faq.matched', { terms: match.matchedTerms.join(', ') })}</p>
          ) : null}
          {onUse ? (
            <Button size="small" variant="secondary" onClick={() => onUse(match.answer)}>
              {t('coverage.faq.use')}
              <span className="visually-hidden">: {match.question}</span>
            </Button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
