import type { ClientDetail } from '@contracts/clients.contracts';
import { api } from '@/lib/api-client';
import { useClientMutation } from './use-client-mutation';

export const deleteContact = ({ clientId, contactId }: { clientId: string; contactId: string }) =>
  api.delete<ClientDetail>(`/clients/${encodeURIComponent(clientId)}/contacts/${encodeURIComponent(contactId)}`);

export const useDeleteContact = () => useClientMutation(deleteContact);
