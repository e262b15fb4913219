import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { type Column, DataTable } from '@/components/ui/table';
import { useErrorMessage } from '@/lib/errors';
import { useFormatters } from '@/lib/format';
import { type CreatedApiToken, useCreateApiToken } from '../api/create-api-token';
import { type ApiToken, useApiTokens } from '../api/get-api-tokens';
import { useRevokeApiToken } from '../api/revoke-api-token';

function NewTokenNotice({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Alert tone="warning" title={t('profile.tokens.createdTitle', { name: token.name })}>
      <p>{t('profile.tokens.createdHint')}</p>
      <div className="token-reveal">
        <TextField
          label={t('profile.tokens.value')}
          value={token.token}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          className="input input--mono"
        />
        <div className="form__actions">
          <Button variant="secondary" onClick={copy}>
            {copied ? t('profile.tokens.copied') : t('profile.tokens.copy')}
          </Button>
          <Button variant="ghost" onClick={onDone}>
            {t('profile.tokens.done')}
          </Button>
        </div>
      </div>
    </Alert>
  );
}

export function ApiTokens() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormatters();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
        },
      },
    );
  };

  const onRevoke = (token: ApiToken) => {
    if (window.confirm(t('profile.tokens.confirmRevoke', { name: token.name }))) revoke.mutate(token.id);
  };

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('profile.tokens.columns.name'), cell: (token) => token.name, isRowHeader: true },
    { key: 'prefix', header: t('profile.tokens.columns.prefix'), cell: (token) => <code>{token.prefix}…</code> },
    { key: 'created', header: t('profile.tokens.columns.created'), cell: (token) => format.date(token.createdAt) },
    {
      key: 'lastUsed',
      header: t('profile.tokens.columns.lastUsed'),
      cell: (token) =>
        token.lastUsedAt ? format.dateTime(token.lastUsedAt) : <span className="muted">{t('profile.tokens.neverUsed')}</span>,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      align: 'end',
      cell: (token) => (
        <Button
          variant="danger"
          size="small"
          onClick={() => onRevoke(token)}
          aria-label={t('profile.tokens.revokeNamed', { name: token.name })}
        >
          {t('profile.tokens.revoke')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t('profile.tokens.title')} description={t('profile.tokens.description')}>
      {created ? <NewTokenNotice token={created} onDone={() => setCreated(null)} /> : null}
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      {revoke.isError ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
      <form className="form form--inline" onSubmit={onCreate}>
        <TextField
          label={t('profile.tokens.name')}
          hint={t('profile.tokens.nameHint')}
          required
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <Button type="submit" busy={create.isPending}>
          {t('profile.tokens.create')}
        </Button>
      </form>
      {tokens.isPending ? <Loading /> : null}
      {tokens.isError ? <Alert tone="error">{errorMessage(tokens.error)}</Alert> : null}
      {tokens.data ? (
        <DataTable
          caption={t('profile.tokens.title')}
          columns={columns}
          rows={tokens.data}
          rowKey={(token) => token.id}
          empty={t('profile.tokens.empty')}
        />
      ) : null}
    </Card>
  );
}
