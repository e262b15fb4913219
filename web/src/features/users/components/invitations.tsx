import { type Invitation, type Language, type Role, roles } from '@contracts/workspaces.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { type Column, DataTable } from '@/components/ui/table';
import { useErrorMessage } from '@/lib/errors';
import { useFormatters } from '@/lib/format';
import { useSession } from '@/lib/session';
import { createInvitationSchema, useCreateInvitation } from '../api/create-invitation';
import { useInvitations } from '../api/get-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';

const statusTone: Record<Invitation['status'], BadgeTone> = {
  pending: 'info',
  accepted: 'success',
  expired: 'neutral',
  revoked: 'neutral',
};

function InviteForm() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { workspace } = useSession();
  const create = useCreateInvitation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [language, setLanguage] = useState<Language>(workspace.defaultLanguage);
  const [emailProblem, setEmailProblem] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createInvitationSchema.safeParse({ email: email.trim(), role, language });
    if (!parsed.success) {
      setEmailProblem(t('validation.email'));
      return;
    }
    setEmailProblem(undefined);
    create.mutate(parsed.data, {
      onSuccess: (invitation) => {
        setSentTo(invitation.email);
        setEmail('');
      },
    });
  };

  return (
    <>
      {sentTo && !create.isError ? <Alert tone="success">{t('users.invite.sent', { email: sentTo })}</Alert> : null}
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <form className="form form--inline" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('users.invite.email')}
          type="email"
          autoComplete="off"
          required
          value={email}
          error={emailProblem}
          onChange={(event) => setEmail(event.target.value)}
        />
        <SelectField
          label={t('users.invite.role')}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
        />
        <SelectField
          label={t('users.invite.language')}
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
          options={[
            { value: 'en', label: 'English' },
            { value: 'it', label: 'Italiano' },
          ]}
        />
        <Button type="submit" busy={create.isPending}>
          {t('users.invite.submit')}
        </Button>
      </form>
    </>
  );
}

export function Invitations() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormatters();
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();

  const onRevoke = (invitation: Invitation) => {
    if (window.confirm(t('users.invitations.confirmRevoke', { email: invitation.email }))) revoke.mutate(invitation.id);
  };

  const columns: Column<Invitation>[] = [
    {
      key: 'email',
      header: t('users.invitations.columns.email'),
      isRowHeader: true,
      cell: (invitation) => <span className="break">{invitation.email}</span>,
    },
    { key: 'role', header: t('users.columns.role'), cell: (invitation) => t(`roles.${invitation.role}`) },
    { key: 'language', header: t('users.columns.language'), cell: (invitation) => t(`languages.${invitation.language}`) },
    {
      key: 'status',
      header: t('users.columns.status'),
      cell: (invitation) => <Badge tone={statusTone[invitation.status]}>{t(`users.invitations.status.${invitation.status}`)}</Badge>,
    },
    { key: 'expires', header: t('users.invitations.columns.expires'), cell: (invitation) => format.dateTime(invitation.expiresAt) },
    {
      key: 'actions',
      header: t('common.actions'),
      align: 'end',
      cell: (invitation) =>
        invitation.status === 'pending' ? (
          <Button
            size="small"
            variant="danger"
            disabled={revoke.isPending}
            aria-label={t('users.invitations.revokeNamed', { email: invitation.email })}
            onClick={() => onRevoke(invitation)}
          >
            {t('users.invitations.revoke')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card title={t('users.invitations.title')} description={t('users.invitations.description')}>
      <InviteForm />
      {revoke.isError ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
      {invitations.isPending ? <Loading /> : null}
      {invitations.isError ? <Alert tone="error">{errorMessage(invitations.error)}</Alert> : null}
      {invitations.data ? (
        <DataTable
          caption={t('users.invitations.title')}
          columns={columns}
          rows={invitations.data}
          rowKey={(invitation) => invitation.id}
          empty={t('users.invitations.empty')}
        />
      ) : null}
    </Card>
  );
}
