import type { ClientDetail } from '@contracts/clients.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const clientQueryKey = (clientId: string) => ['clients', 'detail', clientId] as const;

export const getClient = (clientId: string) => api.get<ClientDetail>(`/clients/${encodeURIComponent(clientId)}`);

export const useClient = (clientId: string) => useQuery({ queryKey: clientQueryKey(clientId), queryFn: () => getClient(clientId) });
