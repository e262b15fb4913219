import { type ClientStatus, type ClientTier, clientStatuses, clientTiers } from '@contracts/clients.contracts';
import type { Language } from '@contracts/workspaces.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useMembers } from '../api/get-members';

export type ClientFormValues = {
  name: string;
  tier: ClientTier;
  status: ClientStatus;
  language: Language;
  ownerId: string | null;
  domains: string[];
  notes: string;
};

/** Name, tier, language, owner, domains and notes; the status only when creating (later it changes with a reason). */
export function ClientForm({
  initial,
  withStatus,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: ClientFormValues;
  withStatus: boolean;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: ClientFormValues) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const members = useMembers();
  const [values, setValues] = useState(initial);
  const [domains, setDomains] = useState(initial.domains.join(', '));
  const set = <K extends keyof ClientFormValues>(key: K, value: ClientFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      ...values,
      name: values.name.trim(),
      domains: domains
        .split(/[\s,;]+/)
        .map((domain) => domain.trim())
        .filter(Boolean),
    });
  };

  return (
    <form className="form" onSubmit={submit}>
      <TextField
        label={t('clients.form.name')}
        required
        maxLength={200}
        value={values.name}
        onChange={(event) => set('name', event.target.value)}
      />
      <div className="form__row">
        <SelectField
          label={t('clients.form.tier')}
          value={values.tier}
          onChange={(event) => set('tier', event.target.value as ClientTier)}
          options={clientTiers.map((tier) => ({ value: tier, label: t(`clients.tier.${tier}`) }))}
        />
        {withStatus ? (
          <SelectField
            label={t('clients.form.status')}
            value={values.status}
            onChange={(event) => set('status', event.target.value as ClientStatus)}
            options={clientStatuses.map((status) => ({ value: status, label: t(`clients.status.${status}`) }))}
          />
        ) : null}
        <SelectField
          label={t('clients.form.language')}
          value={values.language}
          onChange={(event) => set('language', event.target.value as Language)}
          options={[
            { value: 'en', label: 'English' },
            { value: 'it', label: 'Italiano' },
          ]}
        />
        <SelectField
          label={t('clients.form.owner')}
          value={values.ownerId ?? ''}
          onChange={(event) => set('ownerId', event.target.value || null)}
          options={[
            { value: '', label: t('clients.noOwner') },
            ...(members.data ?? []).map((member) => ({ value: member.id, label: member.name })),
          ]}
        />
      </div>
      <TextField
        label={t('clients.form.domains')}
        hint={t('clients.form.domainsHint')}
        value={domains}
        onChange={(event) => setDomains(event.target.value)}
      />
      <TextAreaField
        label={t('clients.form.notes')}
        rows={4}
        maxLength={10_000}
        value={values.notes}
        onChange={(event) => set('notes', event.target.value)}
      />
      <div className="form__actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('clients.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
