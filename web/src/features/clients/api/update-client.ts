import type { ClientDetail, UpdateClientInput } from '@contracts/clients.contracts';
import { api } from '@/lib/api-client';
import { useClientMutation } from './use-client-mutation';

export const updateClient = ({ clientId, ...input }: UpdateClientInput & { clientId: string }) =>
  api.patch<ClientDetail>(`/clients/${encodeURIComponent(clientId)}`, input);

export const useUpdateClient = () => useClientMutation(updateClient);
