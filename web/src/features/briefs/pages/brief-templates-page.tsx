import '../components/briefs.css';
import { type BriefContent, type BriefTemplate, emptyBriefContent } from '@contracts/briefs.contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable } from '@/components/ui/table';
import { useFormatters } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useCreateBriefTemplate } from '../api/create-brief-template';
import { useDeleteBriefTemplate } from '../api/delete-brief-template';
import { useBriefTemplates } from '../api/get-brief-templates';
import { useUpdateBriefTemplate } from '../api/update-brief-template';
import { BriefFields } from '../components/brief-fields';
import { useBriefErrorMessage } from '../components/use-brief-error';

const NEW_BUTTON_ID = 'brief-templates-new';

const CONFIRM_BUTTON_ID = 'brief-template-delete-confirm';

/**
 * Moves focus to an element once it is on screen: `focusAfterRender(id)` before a state change that
 * shows it (switching between the list, the editor and the delete confirmation).
 */
function useFocusAfterRender() {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    const element = document.getElementById(pending.current);
    if (!element) return;
    pending.current = null;
    element.focus();
  });
  return (id: string) => {
    pending.current = id;
  };
}

/** Name and every brief field of one template; creates it when `template` is null. */
function TemplateForm({ template, onSaved, onCancel }: { template: BriefTemplate | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useBriefErrorMessage();
  const nameId = useId();
  const [name, setName] = useState(template?.name ?? '');
  const [content, setContent] = useState<BriefContent>(template?.content ?? emptyBriefContent());
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useCreateBriefTemplate();
  const update = useUpdateBriefTemplate();
  const save = template ? update : create;

  useEffect(() => {
    document.getElementById(nameId)?.focus();
  }, [nameId]);

  return (
    <Card title={template ? t('briefs.templates.editTitle', { name: template.name }) : t('briefs.templates.newTitle')}>
      <form
        className="form stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) {
            setNameError(t('briefs.templates.nameRequired'));
            document.getElementById(nameId)?.focus();
            return;
          }
          setNameError(null);
          const input = { name: name.trim(), content };
          if (template) update.mutate({ templateId: template.id, ...input }, { onSuccess: onSaved });
          else create.mutate(input, { onSuccess: onSaved });
        }}
      >
        <TextField
          id={nameId}
          label={t('briefs.templates.name')}
          hint={t('briefs.templates.nameHint')}
          error={nameError}
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <BriefFields content={content} setContent={setContent} />
        {save.isError ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
        <div className="form__actions">
          <Button type="submit" busy={save.isPending}>
            {t('briefs.templates.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('briefs.templates.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** The workspace's brief templates: list, create, edit and delete; admins and managers only. */
export function BriefTemplatesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.user.role === 'admin' || session.user.role === 'manager';
  const errorMessage = useBriefErrorMessage();
  const format = useFormatters();
  const templates = useBriefTemplates();
  const remove = useDeleteBriefTemplate();
  const [editing, setEditing] = useState<BriefTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<BriefTemplate | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focusAfterRender = useFocusAfterRender();

  const header = <PageHeader title={t('briefs.templates.title')} description={t('briefs.templates.usage')} />;
  if (!canManage) {
    return (
      <>
        <PageHeader title={t('briefs.templates.title')} />
        <Alert tone="warning">{t('briefs.templates.managersOnly')}</Alert>
      </>
    );
  }

  const backToList = (message: string | null) => {
    setEditing(null);
    setNotice(message);
    focusAfterRender(NEW_BUTTON_ID);
  };

  if (editing) {
    const template = editing === 'new' ? null : editing;
    return (
      <>
        {header}
        <TemplateForm
          key={template?.id ?? 'new'}
          template={template}
          onSaved={() => backToList(t(template ? 'briefs.templates.updated' : 'briefs.templates.created'))}
          onCancel={() => backToList(null)}
        />
      </>
    );
  }

  const askDelete = (template: BriefTemplate) => {
    remove.reset();
    setNotice(null);
    setDeleting(template);
    focusAfterRender(CONFIRM_BUTTON_ID);
  };
  const confirmDelete = (template: BriefTemplate) =>
    remove.mutate(template.id, {
      onSuccess: () => {
        setDeleting(null);
        setNotice(t('briefs.templates.deleted', { name: template.name }));
        focusAfterRender(NEW_BUTTON_ID);
      },
    });

  const rows = templates.data ?? [];
  const columns: Column<BriefTemplate>[] = [
    {
      key: 'name',
      header: t('briefs.templates.columns.name'),
      isRowHeader: true,
      cell: (template) => (
        <span className="stack stack--tight">
          {template.name}
          {template.id === rows[0]?.id ? <Badge tone="info">{t('briefs.templates.inUse')}</Badge> : null}
        </span>
      ),
    },
    { key: 'created', header: t('briefs.templates.columns.created'), cell: (template) => format.date(template.createdAt) },
    {
      key: 'actions',
      header: t('briefs.templates.columns.actions'),
      align: 'end',
      cell: (template) => (
        <span className="form__actions">
          <Button
            size="small"
            variant="secondary"
            aria-label={t('briefs.templates.editNamed', { name: template.name })}
            onClick={() => {
              setNotice(null);
              setDeleting(null);
              setEditing(template);
            }}
          >
            {t('briefs.templates.edit')}
          </Button>
          <Button
            size="small"
            variant="danger"
            aria-label={t('briefs.templates.deleteNamed', { name: template.name })}
            onClick={() => askDelete(template)}
          >
            {t('briefs.templates.delete')}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <>
      {header}
      <Card
        title={t('briefs.templates.listTitle')}
        actions={
          <Button
            id={NEW_BUTTON_ID}
            onClick={() => {
              setNotice(null);
              setDeleting(null);
              setEditing('new');
            }}
          >
            {t('briefs.templates.new')}
          </Button>
        }
      >
        <div className="stack">
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          {deleting ? (
            <div className="alert alert--warning" role="alertdialog" aria-labelledby="brief-template-delete-text">
              <p id="brief-template-delete-text">{t('briefs.templates.confirmDelete', { name: deleting.name })}</p>
              {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
              <div className="form__actions">
                <Button id={CONFIRM_BUTTON_ID} variant="danger" busy={remove.isPending} onClick={() => confirmDelete(deleting)}>
                  {t('briefs.templates.confirmDeleteYes')}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setDeleting(null);
                    focusAfterRender(NEW_BUTTON_ID);
                  }}
                >
                  {t('briefs.templates.cancel')}
                </Button>
              </div>
            </div>
          ) : null}
          {templates.isPending ? (
            <Loading />
          ) : templates.isError ? (
            <Alert tone="error">{errorMessage(templates.error)}</Alert>
          ) : (
            <DataTable
              caption={t('briefs.templates.listTitle')}
              columns={columns}
              rows={rows}
              rowKey={(template) => template.id}
              empty={t('briefs.templates.empty')}
            />
          )}
        </div>
      </Card>
    </>
  );
}
