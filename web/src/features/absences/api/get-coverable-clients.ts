import type { ClientSummary } from '@contracts/clients.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The workspace's clients, for the coverage checklist. */
export const getCoverableClients = () => api.get<ClientSummary[]>('/clients');

export const useCoverableClients = () => useQuery({ queryKey: ['clients'], queryFn: getCoverableClients });
