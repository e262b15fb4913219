import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { type Column, DataTable } from '@/components/ui/table';
import { useFormatters } from '@/lib/format';
import { type CreatedCalendarFeed, useCreateCalendarFeed } from '../api/create-calendar-feed';
import { useCalendarFeeds } from '../api/get-calendar-feeds';
import { useRevokeCalendarFeed } from '../api/revoke-calendar-feed';
import { useAbsenceErrorMessage } from './absence-helpers';

type Feed = NonNullable<ReturnType<typeof useCalendarFeeds>['data']>[number];

/** Secret calendar URLs (ICS) that show who is away and who covers; the URL is shown once. */
export function CalendarFeeds() {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useAbsenceErrorMessage();
  const feeds = useCalendarFeeds();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);

  const columns: Column<Feed>[] = [
    { key: 'created', header: t('absences.calendar.created'), cell: (feed) => format.dateTime(feed.createdAt), isRowHeader: true },
    {
      key: 'status',
      header: t('absences.calendar.status'),
      cell: (feed) =>
        feed.revokedAt ? t('absences.calendar.revokedOn', { date: format.date(feed.revokedAt) }) : t('absences.calendar.active'),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      align: 'end',
      cell: (feed) =>
        feed.revokedAt ? null : (
          <Button
            variant="danger"
            size="small"
            busy={revoke.isPending && revoke.variables === feed.id}
            onClick={() => window.confirm(t('absences.calendar.confirmRevoke')) && revoke.mutate(feed.id)}
          >
            {t('absences.calendar.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Card title={t('absences.calendar.title')} description={t('absences.calendar.description')}>
      <div className="form__actions">
        <Button variant="secondary" busy={create.isPending} onClick={() => create.mutate(undefined, { onSuccess: setCreated })}>
          {t('absences.calendar.create')}
        </Button>
      </div>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      {created ? (
        <Alert tone="warning" title={t('absences.calendar.createdTitle')}>
          <p>{t('absences.calendar.createdHint')}</p>
          <TextField
            label={t('absences.calendar.url')}
            value={created.url}
            readOnly
            className="input input--mono"
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className="form__actions">
            <Button variant="ghost" onClick={() => setCreated(null)}>
              {t('absences.calendar.done')}
            </Button>
          </div>
        </Alert>
      ) : null}
      {feeds.data ? (
        <DataTable
          caption={t('absences.calendar.title')}
          columns={columns}
          rows={feeds.data}
          rowKey={(feed) => feed.id}
          empty={t('absences.calendar.empty')}
        />
      ) : null}
    </Card>
  );
}
