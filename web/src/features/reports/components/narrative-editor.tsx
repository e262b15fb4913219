import type { NeutralLanguageFindingView, ReportView } from '@contracts/report.contracts';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/field';
import { ApiError } from '@/lib/api-client';
import { useNarrativeCheck } from '../api/check-narrative';
import { useSaveNarrative } from '../api/get-report';
import { useReportErrorMessage } from './use-report-error';

/** The checked text with its flagged phrases marked. */
function Marked({ text, findings }: { text: string; findings: NeutralLanguageFindingView[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at) continue;
    if (finding.start > at) parts.push(text.slice(at, finding.start));
    parts.push(<mark key={finding.start}>{text.slice(finding.start, finding.end)}</mark>);
    at = finding.end;
  }
  parts.push(text.slice(at));
  return <p className="report-marked">{parts}</p>;
}

/**
 * The owner's own account, checked for accusatory or loaded wording as she writes: each flagged phrase comes with a
 * factual rewording she may take with one click. She decides: a flagged text is saved once she keeps her wording.
 */
export function NarrativeEditor({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const errorMessage = useReportErrorMessage();
  const save = useSaveNarrative(report.absenceId);
  const [text, setText] = useState(report.narrative.text);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const check = useNarrativeCheck(report.absenceId, text, report.canEdit);
  const checkId = useId();
  const confirmId = useId();

  if (!report.canEdit) {
    return report.narrative.text ? (
      <p className="report-narrative" lang={report.language}>
        {report.narrative.text}
      </p>
    ) : (
      <p className="empty">{t('reports.narrative.none')}</p>
    );
  }

  const submit = (confirmed: boolean) =>
    save.mutate(
      { text: text.trim(), confirmed },
      {
        onSuccess: () => {
          setConfirming(false);
          setSaved(true);
        },
        onError: (error) => setConfirming(error instanceof ApiError && error.code === 'report.wording_flagged'),
      },
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    submit(false);
  };
  /** Takes the suggestion in place of the flagged phrase, if the text still reads as it did when checked. */
  const takeSuggestion = (finding: NeutralLanguageFindingView) => {
    if (text.slice(finding.start, finding.end) !== finding.phrase) return;
    setText(`${text.slice(0, finding.start)}${finding.suggestion}${text.slice(finding.end)}`);
    setConfirming(false);
    setSaved(false);
  };
  const current = check.checkedText === text;

  return (
    <form className="form" onSubmit={onSubmit}>
      {saved ? <Alert tone="success">{t('reports.narrative.saved')}</Alert> : null}
      {save.isError && !confirming ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      <TextAreaField
        label={t('reports.narrative.label')}
        hint={t('reports.narrative.hint')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setConfirming(false);
          setSaved(false);
        }}
        rows={8}
        maxLength={20000}
        lang={report.language}
        aria-controls={checkId}
      />
      <div id={checkId} className="report-check" aria-live="polite">
        {check.findings.length > 0 ? (
          <div className="alert alert--warning">
            <p className="alert__title">{t('reports.narrative.flagged', { count: check.findings.length })}</p>
            <div className="alert__body">
              <p>{t('reports.narrative.advice')}</p>
              <Marked text={check.checkedText} findings={check.findings} />
              <ul className="report-findings">
                {check.findings.map((finding) => (
                  <li key={`${finding.start}-${finding.phrase}`}>
                    <span>
                      <q>{finding.phrase}</q> → <q>{finding.suggestion}</q>
                    </span>
                    <Button variant="secondary" size="small" disabled={!current} onClick={() => takeSuggestion(finding)}>
                      {t('reports.narrative.useSuggestion')}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : text.trim() && !check.pending ? (
          <p className="muted">{t('reports.narrative.clean')}</p>
        ) : null}
      </div>
      {report.narrative.keptFindings.length > 0 && report.narrative.text === text ? (
        <p className="muted">{t('reports.narrative.kept', { count: report.narrative.keptFindings.length })}</p>
      ) : null}
      {confirming ? (
        <div className="alert alert--warning" role="alertdialog" aria-labelledby={confirmId}>
          <p id={confirmId} className="alert__title">
            {t('reports.narrative.confirmTitle')}
          </p>
          <div className="alert__body">
            <p>{t('reports.narrative.confirmText')}</p>
            <div className="form__actions">
              <Button variant="danger" busy={save.isPending} onClick={() => submit(true)}>
                {t('reports.narrative.keep')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('reports.narrative.keepEditing')}
              </Button>
            </div>
          </div>
        </div>
      ) : (
        <div className="form__actions">
          <Button type="submit" busy={save.isPending} disabled={text.trim() === report.narrative.text}>
            {t('reports.narrative.save')}
          </Button>
        </div>
      )}
    </form>
  );
}
