import type { ReportExport, ReportFormat, ReportView } from '@contracts/report.contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormatters } from '@/lib/format';
import { exportFileUrl, useCreateExport, useExportProgress } from '../api/create-export';
import { useReportErrorMessage } from './use-report-error';

const formats: ReportFormat[] = ['pdf', 'md', 'html'];

function Progress({ item }: { item: ReportExport }) {
  const { t } = useTranslation();
  if (item.state === 'failed') return <Alert tone="error">{t('reports.exports.failed')}</Alert>;
  if (item.state === 'done') return null;
  const label = t('reports.exports.progress', { done: item.rowsDone, total: item.rowsTotal });
  return (
    <div className="report-progress">
      <progress max={Math.max(1, item.rowsTotal)} value={item.rowsDone} aria-label={t('reports.exports.progressLabel')} />
      <span aria-live="polite">{item.state === 'queued' ? t('reports.exports.queued') : label}</span>
    </div>
  );
}

/** Export buttons; a PDF renders in the background with its progress shown, then downloads like the others. */
export function ReportExports({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useReportErrorMessage();
  const create = useCreateExport(report.absenceId);
  const [latestId, setLatestId] = useState<string | null>(null);
  const latest = useExportProgress(latestId, report.absenceId);
  const running = latest.data && (latest.data.state === 'queued' || latest.data.state === 'running');

  return (
    <div className="stack">
      <div className="report-actions">
        {formats.map((value) => (
          <Button
            key={value}
            variant={value === 'pdf' ? 'primary' : 'secondary'}
            busy={create.isPending && create.variables?.format === value}
            disabled={Boolean(running)}
            onClick={() => create.mutate({ format: value }, { onSuccess: (created) => setLatestId(created.id) })}
          >
            {t(`reports.exports.format.${value}`)}
          </Button>
        ))}
      </div>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      {latest.data ? <Progress item={latest.data} /> : null}
      {latest.data?.state === 'done' ? (
        <Alert tone="success">
          <a href={exportFileUrl(latest.data.id)} download={latest.data.filename}>
            {t('reports.exports.download', { name: latest.data.filename })}
          </a>
        </Alert>
      ) : null}
      {report.exports.length > 0 ? (
        <>
          <h3 className="report-subtitle">{t('reports.exports.recent')}</h3>
          <ul className="report-export-list">
            {report.exports.map((item) => (
              <li key={item.id}>
                {item.state === 'done' ? (
                  <a href={exportFileUrl(item.id)} download={item.filename}>
                    {item.filename}
                  </a>
                ) : (
                  <span>{item.filename}</span>
                )}{' '}
                <span className="muted">
                  · {format.dateTime(item.createdAt)} · {t(`reports.exports.state.${item.state}`)}
                </span>
                {item.sha256 ? (
                  <span className="report-hash">
                    sha256 <code>{item.sha256}</code>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="muted">{t('reports.exports.hashNote')}</p>
        </>
      ) : null}
    </div>
  );
}
