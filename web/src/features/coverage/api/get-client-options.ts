import type { ClientSummary } from '@contracts/clients.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The workspace's clients, for filters and pickers (the clients feature's own list, fetched here: no feature → feature import). */
export const useClientOptions = () => useQuery({ queryKey: ['clients'], queryFn: () => api.get<ClientSummary[]>('/clients') });
