import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { isAdmin, useSession } from '@/lib/session';
import { useRecoverySettings, useUpdateRecoverySettings } from '../api/get-win-back';
import { useRecoveryErrorMessage } from './use-recovery-error';

/** "30, 60, 90" → [30, 60, 90]; anything else is left to the server's clear error. */
const parseDays = (text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);

/** The workspace's win-back days: everyone sees them, admins change them. */
export function WinBackSettings() {
  const { t } = useTranslation();
  const session = useSession();
  const errorMessage = useRecoveryErrorMessage();
  const settings = useRecoverySettings();
  const update = useUpdateRecoverySettings();
  const [days, setDays] = useState('');
  const current = settings.data?.winBackDays.join(', ') ?? '';
  useEffect(() => setDays(current), [current]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ winBackDays: parseDays(days) });
  };
  return (
    <Card title={t('recovery.settings.title')} description={t('recovery.settings.description', { days: current })}>
      {isAdmin(session) ? (
        <form className="form form--inline" onSubmit={submit}>
          {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
          {update.isSuccess ? <Alert tone="success">{t('recovery.settings.saved')}</Alert> : null}
          <TextField
            label={t('recovery.settings.days')}
            hint={t('recovery.settings.daysHint')}
            value={days}
            inputMode="numeric"
            onChange={(event) => setDays(event.target.value)}
            required
          />
          <Button type="submit" busy={update.isPending}>
            {t('recovery.settings.save')}
          </Button>
        </form>
      ) : (
        <p className="muted">{t('recovery.settings.adminsOnly')}</p>
      )}
    </Card>
  );
}
