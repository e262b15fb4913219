import '../clients.css';
import { type ClientImport, type DryRunResult, type HeaderMapping, type ImportField, importFields } from '@contracts/clients.contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { useSession } from '@/lib/session';
import { useClientImportProgress, useDryRunClientImport, useStartClientImport, useUploadClientImport } from '../api/client-imports';
import { clientsQueryKey } from '../api/get-clients';
import { ImportErrorsTable } from '../components/import-errors-table';
import { ImportSummaryList } from '../components/import-summary';
import { useClientErrorMessage } from '../components/use-client-error';

const steps = ['upload', 'mapping', 'check', 'import'] as const;
type Step = (typeof steps)[number];

function Steps({ current }: { current: Step }) {
  const { t } = useTranslation();
  return (
    <ol className="steps" aria-label={t('clients.import.stepsLabel')}>
      {steps.map((step, index) => (
        <li
          key={step}
          className={step === current ? 'steps__item steps__item--current' : 'steps__item'}
          aria-current={step === current ? 'step' : undefined}
        >
          {index + 1}. {t(`clients.import.steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (upload: ClientImport) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const errorMessage = useClientErrorMessage();
  const upload = useUploadClientImport();
  const [file, setFile] = useState<File | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate({ file, csrfToken: session.csrfToken }, { onSuccess: onUploaded });
  };
  return (
    <Card title={t('clients.import.steps.upload')} description={t('clients.import.uploadDescription')}>
      {upload.isError ? <Alert tone="error">{errorMessage(upload.error)}</Alert> : null}
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor="import-file">
            {t('clients.import.file')}
          </label>
          <input
            id="import-file"
            className="input"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby="import-file-hint"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          <p className="field__hint" id="import-file-hint">
            {t('clients.import.fileHint')}
          </p>
        </div>
        <div className="form__actions">
          <Button type="submit" busy={upload.isPending} disabled={!file}>
            {t('clients.import.uploadSubmit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function MappingStep({
  upload,
  mapping,
  onChange,
  onChecked,
}: {
  upload: ClientImport;
  mapping: HeaderMapping;
  onChange: (mapping: HeaderMapping) => void;
  onChecked: (result: DryRunResult) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useClientErrorMessage();
  const dryRun = useDryRunClientImport();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    dryRun.mutate({ importId: upload.id, mapping }, { onSuccess: onChecked });
  };
  return (
    <Card
      title={t('clients.import.steps.mapping')}
      description={t('clients.import.mappingDescription', { file: upload.fileName, count: upload.total })}
    >
      {dryRun.isError ? <Alert tone="error">{errorMessage(dryRun.error)}</Alert> : null}
      <form className="form" onSubmit={submit}>
        <table className="data-table">
          <caption className="visually-hidden">{t('clients.import.steps.mapping')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clients.import.column')}</th>
              <th scope="col">{t('clients.import.field')}</th>
            </tr>
          </thead>
          <tbody>
            {upload.headers.map((header, index) => (
              <tr key={header || index}>
                <th scope="row" data-label={t('clients.import.column')}>
                  <span className="break">{header || t('clients.import.unnamed')}</span>
                  {upload.suggestedMapping[header] ? <span className="muted"> · {t('clients.import.recognised')}</span> : null}
                </th>
                <td data-label={t('clients.import.field')}>
                  <select
                    className="input input--compact"
                    aria-label={t('clients.import.fieldFor', { column: header })}
                    value={mapping[header] ?? ''}
                    onChange={(event) => onChange({ ...mapping, [header]: (event.target.value || null) as ImportField | null })}
                  >
                    <option value="">{t('clients.import.ignore')}</option>
                    {importFields.map((field) => (
                      <option key={field} value={field}>
                        {t(`clients.import.fields.${field}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form__actions">
          <Button type="submit" busy={dryRun.isPending}>
            {t('clients.import.checkSubmit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function ProgressStep({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useClientErrorMessage();
  const progress = useClientImportProgress(importId);
  const data = progress.data;
  const finished = data?.status === 'done' || data?.status === 'failed';
  useEffect(() => {
    if (data?.status === 'done') void queryClient.invalidateQueries({ queryKey: clientsQueryKey });
  }, [data?.status, queryClient]);
  const percent = data && data.total > 0 ? Math.round((data.processed / data.total) * 100) : 0;
  return (
    <Card title={t(finished ? 'clients.import.resultTitle' : 'clients.import.steps.import')}>
      {progress.isError ? <Alert tone="error">{errorMessage(progress.error)}</Alert> : null}
      {data && !finished ? (
        <div className="field">
          <label className="field__label" htmlFor="import-progress">
            {t(`clients.import.phase.${data.status}`)}
          </label>
          <progress id="import-progress" className="progress" max={100} value={percent}>
            {percent}%
          </progress>
          <p className="field__hint" aria-live="polite">
            {t('clients.import.progress', { processed: data.processed, total: data.total, percent })}
          </p>
        </div>
      ) : null}
      {data?.status === 'done' && data.summary ? (
        <>
          <Alert tone="success">{t('clients.import.done')}</Alert>
          <ImportSummaryList summary={data.summary} />
          <p>
            <Link to="/clients">{t('clients.import.toClients')}</Link>
          </p>
        </>
      ) : null}
      {data?.status === 'failed' ? (
        <>
          <Alert tone="error">{t('clients.import.failed')}</Alert>
          <ImportErrorsTable errors={data.errors} total={data.errorCount} />
        </>
      ) : null}
    </Card>
  );
}

export function ImportClientsPage() {
  const { t } = useTranslation();
  const errorMessage = useClientErrorMessage();
  const start = useStartClientImport();
  const [upload, setUpload] = useState<ClientImport | null>(null);
  const [mapping, setMapping] = useState<HeaderMapping>({});
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const step: Step = importId ? 'import' : result ? 'check' : upload ? 'mapping' : 'upload';
  const restart = () => {
    setUpload(null);
    setResult(null);
    setImportId(null);
    start.reset();
  };

  return (
    <>
      <p className="back-link">
        <Link to="/clients">← {t('clients.back')}</Link>
      </p>
      <PageHeader title={t('clients.import.title')} description={t('clients.import.description')} />
      <Steps current={step} />
      {step === 'upload' ? (
        <UploadStep
          onUploaded={(uploaded) => {
            setUpload(uploaded);
            setMapping(uploaded.suggestedMapping);
          }}
        />
      ) : null}
      {step === 'mapping' && upload ? <MappingStep upload={upload} mapping={mapping} onChange={setMapping} onChecked={setResult} /> : null}
      {step === 'check' && upload && result ? (
        <Card title={t('clients.import.steps.check')}>
          {result.ok ? (
            <>
              <Alert tone="success">{t('clients.import.checkOk')}</Alert>
              <ImportSummaryList summary={result.summary} />
            </>
          ) : (
            <>
              <Alert tone="error">{t('clients.import.checkFailed')}</Alert>
              <ImportErrorsTable errors={result.errors} total={result.errorCount} />
            </>
          )}
          {start.isError ? <Alert tone="error">{errorMessage(start.error)}</Alert> : null}
          <div className="form__actions">
            {result.ok ? (
              <Button
                busy={start.isPending}
                onClick={() => start.mutate({ importId: upload.id, mapping }, { onSuccess: (started) => setImportId(started.id) })}
              >
                {t('clients.import.importSubmit', { count: result.summary.rows })}
              </Button>
            ) : null}
            <Button variant="secondary" onClick={() => setResult(null)}>
              {t('clients.import.backToMapping')}
            </Button>
            <Button variant="ghost" onClick={restart}>
              {t('clients.import.anotherFile')}
            </Button>
          </div>
        </Card>
      ) : null}
      {step === 'import' && importId ? (
        <>
          <ProgressStep importId={importId} />
          <div className="form__actions">
            <Button variant="secondary" onClick={restart}>
              {t('clients.import.anotherFile')}
            </Button>
          </div>
        </>
      ) : null}
    </>
  );
}
