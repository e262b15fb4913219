import { type ClientDetail, type Project, type ProjectStatus, projectStatuses } from '@contracts/clients.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { type Column, DataTable } from '@/components/ui/table';
import { useDeleteProject } from '../api/delete-project';
import { useMembers } from '../api/get-members';
import { useSaveProject } from '../api/save-project';
import { RowActions } from './row-actions';
import { useClientErrorMessage } from './use-client-error';

function ProjectForm({ client, project, onDone }: { client: ClientDetail; project: Project | null; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useClientErrorMessage();
  const members = useMembers();
  const save = useSaveProject();
  const [name, setName] = useState(project?.name ?? '');
  const [status, setStatus] = useState<ProjectStatus>(project?.status ?? 'active');
  const [ownerId, setOwnerId] = useState(project ? (project.ownerId ?? '') : (client.ownerId ?? ''));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { clientId: client.id, ...(project ? { projectId: project.id } : {}), name: name.trim(), status, ownerId: ownerId || null },
      { onSuccess: onDone },
    );
  };
  return (
    <form
      className="form subform"
      onSubmit={submit}
      aria-label={project ? t('clients.projects.editNamed', { name: project.name }) : t('clients.projects.add')}
    >
      {save.isError ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      <div className="form__row">
        <TextField
          label={t('clients.projects.name')}
          required
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <SelectField
          label={t('clients.projects.status')}
          value={status}
          onChange={(event) => setStatus(event.target.value as ProjectStatus)}
          options={projectStatuses.map((value) => ({ value, label: t(`clients.projectStatus.${value}`) }))}
        />
        <SelectField
          label={t('clients.projects.owner')}
          value={ownerId}
          onChange={(event) => setOwnerId(event.target.value)}
          options={[
            { value: '', label: t('clients.noOwner') },
            ...(members.data ?? []).map((member) => ({ value: member.id, label: member.name })),
          ]}
        />
      </div>
      <div className="form__actions">
        <Button type="submit" busy={save.isPending}>
          {t('clients.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('clients.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function ProjectsCard({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const errorMessage = useClientErrorMessage();
  const members = useMembers();
  const remove = useDeleteProject();
  const [editing, setEditing] = useState<Project | 'new' | null>(null);

  const columns: Column<Project>[] = [
    { key: 'name', header: t('clients.projects.name'), isRowHeader: true, cell: (project) => project.name },
    {
      key: 'status',
      header: t('clients.projects.status'),
      cell: (project) => (
        <Badge tone={project.status === 'active' ? 'success' : 'neutral'}>{t(`clients.projectStatus.${project.status}`)}</Badge>
      ),
    },
    {
      key: 'owner',
      header: t('clients.projects.owner'),
      cell: (project) => members.data?.find((member) => member.id === project.ownerId)?.name ?? t('clients.noOwner'),
    },
    ...(client.canEdit
      ? [
          {
            key: 'actions',
            header: t('clients.actions'),
            align: 'end' as const,
            cell: (project: Project) => (
              <RowActions
                kind="projects"
                name={project.name}
                deleting={remove.isPending}
                onEdit={() => setEditing(project)}
                onDelete={() => remove.mutate({ clientId: client.id, projectId: project.id })}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('clients.projects.title')}
      actions={
        client.canEdit && editing === null ? (
          <Button size="small" variant="secondary" onClick={() => setEditing('new')}>
            {t('clients.projects.add')}
          </Button>
        ) : null
      }
    >
      {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
      {editing ? (
        <ProjectForm
          key={editing === 'new' ? 'new' : editing.id}
          client={client}
          project={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <DataTable
        caption={t('clients.projects.title')}
        columns={columns}
        rows={client.projects}
        rowKey={(project) => project.id}
        empty={t('clients.projects.empty')}
      />
    </Card>
  );
}
