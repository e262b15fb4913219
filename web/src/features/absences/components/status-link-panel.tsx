import type { StatusLinksOverview } from '@contracts/absences.contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Loading } from '@/components/ui/loading';
import { type Column, DataTable } from '@/components/ui/table';
import { useFormatters } from '@/lib/format';
import { useStatusLinks } from '../api/get-status-links';
import { useRevokeStatusLinks } from '../api/revoke-status-links';
import { useSetStatusLink } from '../api/set-status-link';
import { useAbsenceErrorMessage } from './absence-helpers';

type ClientLinks = StatusLinksOverview['clients'][number];

/**
 * The client status link of an absence (owner, manager, admins): switch it on or off, see how often each client
 * opened their page, revoke a client's links. Tokens are never shown: only the mail that carried one has it.
 */
export function StatusLinkPanel({ absenceId }: { absenceId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useAbsenceErrorMessage();
  const overview = useStatusLinks(absenceId);
  const setEnabled = useSetStatusLink();
  const revoke = useRevokeStatusLinks();
  // The choice shows at once; once the server answers, its state replaces it (unchanged on an error).
  const [choice, setChoice] = useState<boolean | null>(null);
  const anyActive = overview.data?.clients.some((client) => client.activeLinks > 0) ?? false;

  const confirmRevoke = (clientId?: string) => {
    const question = clientId ? t('absences.statusLink.confirmRevoke') : t('absences.statusLink.confirmRevokeAll');
    if (window.confirm(question)) revoke.mutate(clientId ? { absenceId, clientId } : { absenceId });
  };

  const columns: Column<ClientLinks>[] = [
    { key: 'client', header: t('absences.statusLink.client'), cell: (client) => client.clientName, isRowHeader: true },
    {
      key: 'links',
      header: t('absences.statusLink.links'),
      cell: (client) => t('absences.statusLink.linksCount', { active: client.activeLinks, count: client.links }),
    },
    { key: 'views', header: t('absences.statusLink.views'), cell: (client) => format.number(client.views) },
    {
      key: 'lastViewed',
      header: t('absences.statusLink.lastViewed'),
      cell: (client) => (client.lastViewedAt ? format.dateTime(client.lastViewedAt) : t('absences.statusLink.never')),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      align: 'end',
      cell: (client) =>
        client.activeLinks > 0 ? (
          <Button
            variant="danger"
            size="small"
            busy={revoke.isPending && revoke.variables?.clientId === client.clientId}
            onClick={() => confirmRevoke(client.clientId)}
            aria-label={t('absences.statusLink.revokeFor', { client: client.clientName })}
          >
            {t('absences.statusLink.revoke')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('absences.statusLink.title')}
      description={t('absences.statusLink.description')}
      actions={
        anyActive ? (
          <Button variant="secondary" size="small" busy={revoke.isPending && !revoke.variables?.clientId} onClick={() => confirmRevoke()}>
            {t('absences.statusLink.revokeAll')}
          </Button>
        ) : null
      }
    >
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <Alert tone="error">{errorMessage(overview.error)}</Alert> : null}
      {setEnabled.isError ? <Alert tone="error">{errorMessage(setEnabled.error)}</Alert> : null}
      {revoke.isError ? <Alert tone="error">{errorMessage(revoke.error)}</Alert> : null}
      {revoke.isSuccess ? <Alert tone="success">{t('absences.statusLink.revoked', { count: revoke.data.revoked })}</Alert> : null}
      {overview.data ? (
        <>
          <label className="checkbox absences-switch">
            <input
              type="checkbox"
              checked={choice ?? overview.data.enabled}
              disabled={setEnabled.isPending}
              onChange={(event) => {
                setChoice(event.target.checked);
                setEnabled.mutate({ absenceId, enabled: event.target.checked }, { onSettled: () => setChoice(null) });
              }}
            />
            <span>{t('absences.statusLink.enable')}</span>
          </label>
          <p className="muted">
            {(choice ?? overview.data.enabled)
              ? t('absences.statusLink.onHint', { date: format.dateTime(overview.data.expiresAt) })
              : t('absences.statusLink.offHint')}
          </p>
          <DataTable
            caption={t('absences.statusLink.title')}
            columns={columns}
            rows={overview.data.clients}
            rowKey={(client) => client.clientId}
            empty={t('absences.statusLink.empty')}
          />
        </>
      ) : null}
    </Card>
  );
}
