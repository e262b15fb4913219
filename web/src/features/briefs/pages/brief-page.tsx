import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { useBrief } from '../api/get-brief';
import { saveBrief, useBriefMutation } from '../api/update-brief';
import { BriefContentView } from '../components/brief-content-view';
import { BriefEditor } from '../components/brief-editor';
import { AcknowledgeForm, AcknowledgementsList, QuestionsThread } from '../components/brief-review';
import { useBriefErrorMessage } from '../components/use-brief-error';

/** One brief: the owner edits it; delegates read, acknowledge and ask; everyone sees receipts and questions. */
export function BriefPage() {
  const { absenceId = '', briefId = '' } = useParams();
  const { t } = useTranslation();
  const errorMessage = useBriefErrorMessage();
  const brief = useBrief(briefId);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useBriefMutation(briefId, absenceId, (content: Parameters<typeof saveBrief>[1]) => saveBrief(briefId, content));

  if (brief.isPending) return <Loading />;
  if (brief.isError) return <Alert tone="error">{errorMessage(brief.error)}</Alert>;
  const detail = brief.data;
  const isOwner = detail.viewerRole === 'owner';
  const isDelegate = detail.viewerRole === 'primary' || detail.viewerRole === 'backup';
  const version = detail.current?.version ?? 0;

  return (
    <>
      <p>
        <Link className="back-link" to={`/absences/${absenceId}`}>
          {t('briefs.back')}
        </Link>
      </p>
      <PageHeader
        title={t('briefs.brief.title', { client: detail.brief.clientName })}
        description={t('briefs.brief.youAre', { role: t(`briefs.brief.role.${detail.viewerRole}`) })}
        actions={
          <span className="chip-list">
            {detail.brief.keyAccount ? <Badge tone="accent">{t('briefs.status.key')}</Badge> : null}
            <Badge tone="info">{version ? t('briefs.brief.version', { version }) : t('briefs.brief.draftOnly')}</Badge>
            {detail.current ? (
              <span>
                <span className="visually-hidden">{t('briefs.brief.hash')}: </span>
                <code title={detail.current.contentHash}>{detail.current.contentHash.slice(0, 12)}</code>
              </span>
            ) : null}
          </span>
        }
      />
      <div className="stack">
        {version > 0 ? (
          <p>
            <Link to={`/absences/${absenceId}/briefs/${briefId}/versions`}>{t('briefs.brief.versions')}</Link>
          </p>
        ) : null}
        {isOwner && detail.draft ? (
          <Card title={t('briefs.editor.title')}>
            <BriefEditor
              key={`${detail.brief.id}-${version}`}
              initial={detail.draft}
              shared={version > 0}
              saving={save.isPending}
              error={save.isError ? errorMessage(save.error) : null}
              notice={notice}
              onSave={(content) =>
                save.mutate(content, {
                  onSuccess: (result) =>
                    setNotice(
                      result.versionCreated
                        ? t('briefs.editor.savedVersion', { version: result.version })
                        : version > 0
                          ? t('briefs.editor.unchanged')
                          : t('briefs.editor.saved'),
                    ),
                })
              }
            />
          </Card>
        ) : detail.current ? (
          <Card title={t('briefs.brief.version', { version })}>
            <BriefContentView content={detail.current.content} lang={detail.brief.clientLanguage} />
          </Card>
        ) : (
          <Alert tone="info">{t('briefs.brief.notShared')}</Alert>
        )}
        {isDelegate ? <AcknowledgeForm detail={detail} /> : null}
        <AcknowledgementsList detail={detail} />
        <QuestionsThread detail={detail} />
      </div>
    </>
  );
}
