import { type Role, roles, type User } from '@contracts/workspaces.contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { type Column, DataTable } from '@/components/ui/table';
import { useErrorMessage } from '@/lib/errors';
import { useFormatters } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';

export function MembersTable() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormatters();
  const session = useSession();
  const users = useUsers();
  const update = useUpdateUser();

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('users.columns.name'),
      isRowHeader: true,
      cell: (user) => (
        <span className="person">
          <span className="person__name">
            {user.name}
            {user.id === session.user.id ? <span className="muted"> ({t('users.you')})</span> : null}
          </span>
          <span className="person__email break">{user.email}</span>
        </span>
      ),
    },
    {
      key: 'role',
      header: t('users.columns.role'),
      cell: (user) =>
        user.id === session.user.id ? (
          t(`roles.${user.role}`)
        ) : (
          <select
            className="input input--compact"
            aria-label={t('users.roleFor', { name: user.name })}
            value={user.role}
            disabled={update.isPending}
            onChange={(event) => update.mutate({ userId: user.id, role: event.target.value as Role })}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        ),
    },
    { key: 'language', header: t('users.columns.language'), cell: (user) => t(`languages.${user.language}`) },
    {
      key: 'status',
      header: t('users.columns.status'),
      cell: (user) =>
        user.disabled ? <Badge tone="danger">{t('users.disabled')}</Badge> : <Badge tone="success">{t('users.active')}</Badge>,
    },
    { key: 'since', header: t('users.columns.since'), cell: (user) => format.date(user.createdAt) },
    {
      key: 'actions',
      header: t('common.actions'),
      align: 'end',
      cell: (user) =>
        user.id === session.user.id ? null : (
          <Button
            size="small"
            variant={user.disabled ? 'secondary' : 'danger'}
            disabled={update.isPending}
            aria-label={t(user.disabled ? 'users.enableNamed' : 'users.disableNamed', { name: user.name })}
            onClick={() => update.mutate({ userId: user.id, disabled: !user.disabled })}
          >
            {t(user.disabled ? 'users.enable' : 'users.disable')}
          </Button>
        ),
    },
  ];

  return (
    <Card title={t('users.members.title')} description={t('users.members.description')}>
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      {users.isPending ? <Loading /> : null}
      {users.isError ? <Alert tone="error">{errorMessage(users.error)}</Alert> : null}
      {users.data ? <DataTable caption={t('users.members.title')} columns={columns} rows={users.data} rowKey={(user) => user.id} /> : null}
    </Card>
  );
}
