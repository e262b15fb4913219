import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useFormatters } from '@/lib/format';
import { useBrief, useBriefComparison, useBriefVersions } from '../api/get-brief';
import { useBriefErrorMessage } from '../components/use-brief-error';
import { VersionCompare } from '../components/version-compare';

/** Version history of a brief and a side-by-side comparison of any two versions. */
export function BriefVersionsPage() {
  const { absenceId = '', briefId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useBriefErrorMessage();
  const [params, setParams] = useSearchParams();
  const brief = useBrief(briefId);
  const versions = useBriefVersions(briefId);
  const latest = versions.data?.[0]?.version ?? 0;
  const to = Number(params.get('to')) || latest;
  const from = Number(params.get('from')) || Math.max(1, to - 1);
  const comparison = useBriefComparison(briefId, from, to);

  if (brief.isPending || versions.isPending) return <Loading />;
  if (brief.isError) return <Alert tone="error">{errorMessage(brief.error)}</Alert>;
  if (versions.isError) return <Alert tone="error">{errorMessage(versions.error)}</Alert>;
  const options = versions.data.map((v) => ({ value: String(v.version), label: t('briefs.brief.version', { version: v.version }) }));

  return (
    <>
      <p>
        <Link className="back-link" to={`/absences/${absenceId}/briefs/${briefId}`}>
          {t('briefs.brief.title', { client: brief.data.brief.clientName })}
        </Link>
      </p>
      <PageHeader title={t('briefs.versions.title', { client: brief.data.brief.clientName })} />
      <div className="stack">
        <Card title={t('briefs.brief.versions')}>
          <ul>
            {versions.data.map((v) => (
              <li key={v.version}>
                {t('briefs.versions.createdAt', {
                  version: v.version,
                  date: format.dateTime(v.createdAt),
                  hash: v.contentHash.slice(0, 12),
                })}
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('briefs.versions.compare')}>
          {versions.data.length < 2 ? (
            <p className="muted">{t('briefs.versions.onlyOne')}</p>
          ) : (
            <div className="stack">
              <div className="form form--inline">
                <SelectField
                  label={t('briefs.versions.from')}
                  options={options}
                  value={String(from)}
                  onChange={(e) => setParams({ from: e.target.value, to: String(to) })}
                />
                <SelectField
                  label={t('briefs.versions.to')}
                  options={options}
                  value={String(to)}
                  onChange={(e) => setParams({ from: String(from), to: e.target.value })}
                />
              </div>
              {comparison.isPending ? <Loading /> : null}
              {comparison.isError ? <Alert tone="error">{errorMessage(comparison.error)}</Alert> : null}
              {comparison.data ? <VersionCompare comparison={comparison.data} /> : null}
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
