import type { Debrief, DebriefAnswer, DebriefQuestion, DebriefView } from '@contracts/debrief.contracts';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/lib/session';
import { AnswerBox } from './answer-box';

type Section = { key: string; title: string; facts: DebriefQuestion['facts']; questions: { question: DebriefQuestion; number: number }[] };

/** The guide's order, in sections: the cover in general, each client where something went wrong, then looking back. */
function useSections(questions: DebriefQuestion[]): Section[] {
  const { t } = useTranslation();
  const sections: Section[] = [];
  let seenClient = false;
  questions.forEach((question, index) => {
    if (question.clientId) seenClient = true;
    const key = question.clientId ?? (seenClient ? 'closing' : 'general');
    const last = sections.at(-1);
    const entry = { question, number: index + 1 };
    if (last?.key === key) last.questions.push(entry);
    else
      sections.push({
        key,
        title: question.clientName ?? (key === 'closing' ? t('debrief.questions.closing') : t('debrief.questions.general')),
        facts: question.facts,
        questions: [entry],
      });
  });
  return sections;
}

function Facts({ facts }: { facts: NonNullable<DebriefQuestion['facts']> }) {
  const { t } = useTranslation();
  const parts = (['noInformation', 'escalated', 'unanswered'] as const)
    .filter((key) => facts[key] > 0)
    .map((key) => t(`debrief.questions.fact.${key}`, { count: facts[key] }));
  if (parts.length === 0) return null;
  return <p className="muted debrief-facts">{t('debrief.questions.facts', { facts: parts.join(', ') })}</p>;
}

function AnswerQuote({ answer }: { answer: DebriefAnswer }) {
  const { t } = useTranslation();
  return (
    <figure className="debrief-quote">
      <figcaption className="debrief-quote__by">
        {t('debrief.answer.by', { name: answer.respondentName, role: t(`debrief.role.${answer.respondentRole}`) })}
      </figcaption>
      <blockquote className="debrief-quote__text">{answer.text}</blockquote>
      {answer.wordingFlags.length > 0 ? (
        <p className="debrief-flags">
          {t('debrief.findings.flagged', { words: answer.wordingFlags.map((flag) => `“${flag.text}”`).join(', ') })}
        </p>
      ) : null}
    </figure>
  );
}

/**
 * Every question with the answers the viewer may read (a delegate: their own; the owner and the manager: everybody's)
 * and, while the debrief is open, a box for the viewer's own answer or notes.
 */
export function QuestionList({ view, debrief }: { view: DebriefView; debrief: Debrief }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const me = session.user.id;
  const language = i18n.language === 'it' ? 'it' : 'en';
  const open = debrief.state === 'open';
  const organises = view.viewer.organises;
  const sections = useSections(debrief.questions);

  return (
    <div className="debrief-sections">
      {sections.map((section) => (
        <section key={section.key} className="debrief-section" aria-labelledby={`section-${section.key}`}>
          <h3 id={`section-${section.key}`} className="debrief-section__title">
            {section.title}
          </h3>
          {section.facts ? <Facts facts={section.facts} /> : null}
          <ol className="debrief-questions">
            {section.questions.map(({ question, number }) => {
              const answers = debrief.answers.filter((answer) => answer.questionId === question.id);
              const mine = answers.find((answer) => answer.respondentId === me);
              const shown = open ? answers.filter((answer) => answer.respondentId !== me) : answers;
              const text = question.text[language];
              return (
                <li key={question.id} className="debrief-question">
                  <h4 className="debrief-question__text">
                    <span className="debrief-question__number">{t('debrief.questions.number', { number })}</span>
                    <span lang={language}>{text}</span>
                  </h4>
                  {shown.map((answer) => (
                    <AnswerQuote key={answer.respondentId} answer={answer} />
                  ))}
                  {open ? (
                    <AnswerBox
                      debriefId={debrief.id}
                      absenceId={debrief.absenceId}
                      questionId={question.id}
                      questionText={text}
                      respondentId={me}
                      initial={mine?.text ?? ''}
                      label={organises ? t('debrief.answer.notes') : t('debrief.answer.yours')}
                    />
                  ) : shown.length === 0 ? (
                    <p className="empty">{organises ? t('debrief.answer.none') : t('debrief.answer.noneYours')}</p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
