import type { ClientStatus, ClientSummary, ClientTier } from '@contracts/clients.contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '@/lib/api-client';

export const clientsQueryKey = ['clients'] as const;

/** Every active client (the home page's counts and pickers). */
export const getClients = () => api.get<ClientSummary[]>('/clients');

export const useClients = () => useQuery({ queryKey: clientsQueryKey, queryFn: getClients });

export type ClientFilters = {
  q?: string;
  tier?: ClientTier | '';
  status?: ClientStatus | '';
  ownerId?: string;
  includeArchived?: boolean;
  limit: number;
  offset: number;
};

/** One page of the filtered list; the server sends the number of matches in `x-total-count`. */
export async function getClientsPage(filters: ClientFilters): Promise<{ clients: ClientSummary[]; total: number }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  let response: Response;
  try {
    response = await fetch(`/api/clients?${params}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError('network.unreachable', 'The server cannot be reached', 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new ApiError(
      body?.error?.code ?? 'server.error',
      body?.error?.message ?? `Unexpected response (${response.status})`,
      response.status,
    );
  return { clients: body as ClientSummary[], total: Number(response.headers.get('x-total-count') ?? 0) };
}

export const useClientsPage = (filters: ClientFilters) =>
  useQuery({ queryKey: [...clientsQueryKey, 'page', filters], queryFn: () => getClientsPage(filters), placeholderData: keepPreviousData });
