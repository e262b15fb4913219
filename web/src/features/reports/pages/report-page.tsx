import '../reports.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { ApiError } from '@/lib/api-client';
import { useFormatters } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useFinaliseReport, useReport, useSendReport } from '../api/get-report';
import { NarrativeEditor } from '../components/narrative-editor';
import { ReportExports } from '../components/report-exports';
import { ReportPreview } from '../components/report-preview';
import { useReportErrorMessage } from '../components/use-report-error';

/**
 * The report for the manager: the owner writes her account, sends the report (the draft as her return summary, or
 * the final one) so the manager hears it from her first, finalises it and exports it; the manager reads what she sent.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useReportErrorMessage();
  const absenceId = useParams().absenceId ?? '';
  const report = useReport(absenceId);
  const send = useSendReport(absenceId);
  const finalise = useFinaliseReport(absenceId);
  const [confirmFinal, setConfirmFinal] = useState(false);
  useDocumentTitle(t('reports.title'));

  if (report.isPending) return <Loading />;
  if (report.isError) {
    const notFound = report.error instanceof ApiError && report.error.status === 404;
    return (
      <>
        <PageHeader title={t('reports.title')} />
        <Alert tone={notFound ? 'info' : 'error'}>{notFound ? t('reports.notAvailable') : errorMessage(report.error)}</Alert>
        <Link to={`/absences/${absenceId}`}>{t('reports.backToAbsence')}</Link>
      </>
    );
  }
  const data = report.data;
  const isOwner = data.viewer === 'owner';
  const back = data.absenceState === 'returned' || data.absenceState === 'closed';

  return (
    <>
      <Link className="back-link" to={isOwner ? `/absences/${absenceId}/return` : `/absences/${absenceId}`}>
        {isOwner ? t('reports.backToReturn') : t('reports.backToAbsence')}
      </Link>
      <PageHeader
        title={t('reports.title')}
        description={t(isOwner ? 'reports.descriptionOwner' : 'reports.descriptionManager', {
          owner: data.ownerName,
          manager: data.managerName,
        })}
      />
      <p className="report-status">
        <Badge tone={data.status === 'final' ? 'success' : 'warning'}>{t(`reports.status.${data.status}`)}</Badge>
        {data.finalHash ? (
          <span className="report-hash">
            {t('reports.finalHash')} <code>{data.finalHash}</code>
          </span>
        ) : null}
      </p>
      {!isOwner && data.sentAt ? (
        <Alert tone="info">
          {t(`reports.sentToYou.${data.sentStatus ?? 'draft'}`, { owner: data.ownerName, date: format.dateTime(data.sentAt) })}
        </Alert>
      ) : null}

      {isOwner ? (
        <Card
          title={t('reports.send.title', { manager: data.managerName })}
          description={t('reports.send.description', { manager: data.managerName })}
        >
          {send.isError ? <Alert tone="error">{errorMessage(send.error)}</Alert> : null}
          {send.isSuccess ? <Alert tone="success">{t('reports.send.done', { manager: data.managerName })}</Alert> : null}
          {!back ? <p className="muted">{t('reports.send.notBack')}</p> : null}
          {data.sentAt ? (
            <p className="muted">{t(`reports.send.sent.${data.sentStatus ?? 'draft'}`, { date: format.dateTime(data.sentAt) })}</p>
          ) : null}
          {data.canSend ? (
            <div className="form__actions">
              <Button busy={send.isPending} onClick={() => send.mutate(undefined)}>
                {data.status === 'final'
                  ? t('reports.send.final', { manager: data.managerName })
                  : t('reports.send.draft', { manager: data.managerName })}
              </Button>
            </div>
          ) : null}
        </Card>
      ) : null}

      <Card
        title={t('reports.narrative.title', { owner: data.ownerName })}
        description={isOwner && data.canEdit ? t('reports.narrative.description') : undefined}
      >
        <NarrativeEditor key={`${data.status}-${data.narrative.savedAt ?? ''}`} report={data} />
      </Card>

      {isOwner && data.status === 'draft' ? (
        <Card title={t('reports.finalise.title')} description={t('reports.finalise.description')}>
          {finalise.isError ? <Alert tone="error">{errorMessage(finalise.error)}</Alert> : null}
          {!back ? (
            <p className="muted">{t('reports.finalise.notBack')}</p>
          ) : confirmFinal ? (
            <div className="alert alert--warning" role="alertdialog" aria-label={t('reports.finalise.confirmTitle')}>
              <p className="alert__title">{t('reports.finalise.confirmTitle')}</p>
              <div className="alert__body">
                <p>{t('reports.finalise.confirmText')}</p>
                <div className="form__actions">
                  <Button busy={finalise.isPending} onClick={() => finalise.mutate(undefined, { onSettled: () => setConfirmFinal(false) })}>
                    {t('reports.finalise.confirm')}
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirmFinal(false)}>
                    {t('reports.finalise.cancel')}
                  </Button>
                </div>
              </div>
            </div>
          ) : (
            <div className="form__actions">
              <Button variant="secondary" onClick={() => setConfirmFinal(true)}>
                {t('reports.finalise.action')}
              </Button>
            </div>
          )}
        </Card>
      ) : null}

      <Card title={t('reports.exports.title')} description={t('reports.exports.description')}>
        <ReportExports report={data} />
      </Card>

      <Card title={t('reports.preview.title')} description={t('reports.preview.description')}>
        <ReportPreview html={data.previewHtml} />
      </Card>
    </>
  );
}
