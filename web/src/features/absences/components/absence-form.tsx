import type { Absence, AutoReplyTextsInput } from '@contracts/absences.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { useSession } from '@/lib/session';
import { useCoverableClients } from '../api/get-coverable-clients';
import { usePeople } from '../api/get-people';
import { useAbsenceErrorMessage } from './absence-helpers';
import { AutoReplyComposer } from './auto-reply-composer';

export type AbsenceFormValues = {
  startsAt: string;
  endsAt: string;
  primaryDelegateId: string;
  backupDelegateId: string | null;
  managerId: string;
  coverage: { clientId: string; projectId: null }[];
  autoReply: AutoReplyTextsInput;
};

/** The plan form, for a new absence or an edit; once the absence is active only the auto-reply can change. */
export function AbsenceForm({
  absence,
  defaultAutoReply,
  onSubmit,
  busy,
  error,
}: {
  absence?: Absence;
  defaultAutoReply: AutoReplyTextsInput;
  onSubmit: (values: AbsenceFormValues) => void;
  busy: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const errorMessage = useAbsenceErrorMessage();
  const people = usePeople();
  const clients = useCoverableClients();
  const onlyAutoReply = absence?.state === 'active';
  const myClients = (clients.data ?? []).filter((client) => client.ownerId === session.user.id);
  const [values, setValues] = useState<Omit<AbsenceFormValues, 'coverage'> & { coverage: string[] | null }>({
    startsAt: absence?.startsAtLocal ?? '',
    endsAt: absence?.endsAtLocal ?? '',
    primaryDelegateId: absence?.primaryDelegateId ?? '',
    backupDelegateId: absence?.backupDelegateId ?? null,
    managerId: absence?.managerId ?? '',
    coverage: absence ? absence.coverage.map((item) => item.clientId) : null,
    autoReply: absence?.autoReply ?? defaultAutoReply,
  });
  // Until the owner touches the checklist, every client still worth covering is ticked.
  const covered = values.coverage ?? myClients.filter((client) => client.status !== 'lost').map((client) => client.id);

  if (people.isPending || clients.isPending) return <Loading />;
  const others = (people.data ?? []).filter((person) => person.id !== session.user.id && !person.disabled);
  const managers = others.filter((person) => person.role === 'manager' || person.role === 'admin');
  const choose = t('absences.form.choose');
  const options = (list: typeof others) => [
    { value: '', label: choose },
    ...list.map((person) => ({ value: person.id, label: person.name })),
  ];
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((current) => ({ ...current, [key]: value }));
  const toggle = (clientId: string, on: boolean) => set('coverage', on ? [...covered, clientId] : covered.filter((id) => id !== clientId));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ ...values, coverage: covered.map((clientId) => ({ clientId, projectId: null })) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      {onlyAutoReply ? <Alert tone="info">{t('absences.form.onlyAutoReply')}</Alert> : null}
      <Card title={t('absences.form.when')} description={t('absences.form.whenHint', { timezone: session.workspace.timezone })}>
        <div className="form__row">
          <TextField
            label={t('absences.form.startsAt')}
            type="datetime-local"
            value={values.startsAt}
            onChange={(event) => set('startsAt', event.target.value)}
            disabled={onlyAutoReply}
            required
          />
          <TextField
            label={t('absences.form.endsAt')}
            type="datetime-local"
            value={values.endsAt}
            onChange={(event) => set('endsAt', event.target.value)}
            disabled={onlyAutoReply}
            required
          />
        </div>
      </Card>
      <Card title={t('absences.form.people')} description={t('absences.form.peopleHint')}>
        <div className="form__row">
          <SelectField
            label={t('absences.roles.primary')}
            options={options(others)}
            value={values.primaryDelegateId}
            onChange={(event) => set('primaryDelegateId', event.target.value)}
            disabled={onlyAutoReply}
            required
          />
          <SelectField
            label={t('absences.form.backupOptional')}
            options={[
              { value: '', label: t('absences.form.noBackup') },
              ...others.map((person) => ({ value: person.id, label: person.name })),
            ]}
            value={values.backupDelegateId ?? ''}
            onChange={(event) => set('backupDelegateId', event.target.value || null)}
            disabled={onlyAutoReply}
          />
          <SelectField
            label={t('absences.roles.manager')}
            hint={t('absences.form.managerHint')}
            options={options(managers)}
            value={values.managerId}
            onChange={(event) => set('managerId', event.target.value)}
            disabled={onlyAutoReply}
            required
          />
        </div>
      </Card>
      <Card title={t('absences.form.coverage')} description={t('absences.form.coverageHint')}>
        {myClients.length === 0 ? (
          <p className="empty">{t('absences.form.noClients')}</p>
        ) : (
          <fieldset className="fieldset" disabled={onlyAutoReply}>
            <legend className="visually-hidden">{t('absences.form.coverage')}</legend>
            <div className="checkbox-grid absences-clients">
              {myClients.map((client) => (
                <label key={client.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={covered.includes(client.id)}
                    onChange={(event) => toggle(client.id, event.target.checked)}
                  />
                  <span>
                    {client.name}
                    {client.tier === 'key' ? <span className="muted"> · {t('absences.form.keyAccount')}</span> : null}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </Card>
      <AutoReplyComposer
        value={values.autoReply}
        onChange={(autoReply) => set('autoReply', autoReply)}
        context={
          absence
            ? { absenceId: absence.id }
            : {
                ...(values.primaryDelegateId ? { delegateId: values.primaryDelegateId } : {}),
                ...(values.endsAt ? { endsAt: values.endsAt } : {}),
              }
        }
      />
      <div className="form__actions">
        <Button type="submit" busy={busy}>
          {absence ? t('common.save') : t('absences.form.create')}
        </Button>
      </div>
    </form>
  );
}
