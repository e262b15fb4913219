import type { ClientSummary } from '@contracts/clients.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getClients = () => api.get<ClientSummary[]>('/clients');

export const useClients = () => useQuery({ queryKey: ['clients'], queryFn: getClients });
