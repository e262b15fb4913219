import type { ContactDetail } from '@contracts/coverage.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { useAttachClient } from '../api/attach-client';
import { useClientOptions } from '../api/get-client-options';
import { useCoverageErrorMessage } from './use-coverage-error';

/** A message from an unknown sender: once the delegate says whose client it is, the brief and deadlines follow. */
export function AttachClientForm({ contact }: { contact: ContactDetail }) {
  const { t } = useTranslation();
  const errorMessage = useCoverageErrorMessage();
  const clients = useClientOptions();
  const attach = useAttachClient(contact.id);
  const [clientId, setClientId] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (clientId) attach.mutate(clientId);
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <p>{t('coverage.attach.lead', { sender: contact.fromAddress ?? contact.fromName })}</p>
      <SelectField
        label={t('coverage.attach.client')}
        value={clientId}
        onChange={(event) => setClientId(event.target.value)}
        options={[
          { value: '', label: t('coverage.logCall.chooseClient') },
          ...(clients.data ?? []).filter((client) => !client.archived).map((client) => ({ value: client.id, label: client.name })),
        ]}
      />
      {attach.isError ? <Alert tone="error">{errorMessage(attach.error)}</Alert> : null}
      <div className="form__actions">
        <Button type="submit" busy={attach.isPending} disabled={!clientId}>
          {t('coverage.attach.submit')}
        </Button>
      </div>
    </form>
  );
}
