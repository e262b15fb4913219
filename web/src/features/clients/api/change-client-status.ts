import type { ChangeStatusInput, ClientDetail } from '@contracts/clients.contracts';
import { api } from '@/lib/api-client';
import { useClientMutation } from './use-client-mutation';

export const changeClientStatus = ({ clientId, ...input }: ChangeStatusInput & { clientId: string }) =>
  api.post<ClientDetail>(`/clients/${encodeURIComponent(clientId)}/status`, input);

export const useChangeClientStatus = () => useClientMutation(changeClientStatus);
