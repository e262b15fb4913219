import type { ClientDetail, ContactInput } from '@contracts/clients.contracts';
import { api } from '@/lib/api-client';
import { useClientMutation } from './use-client-mutation';

/** Creates a contact, or edits it when `contactId` is given. */
export const saveContact = ({ clientId, contactId, ...input }: ContactInput & { clientId: string; contactId?: string }) =>
  contactId
    ? api.patch<ClientDetail>(`/clients/${encodeURIComponent(clientId)}/contacts/${encodeURIComponent(contactId)}`, input)
    : api.post<ClientDetail>(`/clients/${encodeURIComponent(clientId)}/contacts`, input);

export const useSaveContact = () => useClientMutation(saveContact);
