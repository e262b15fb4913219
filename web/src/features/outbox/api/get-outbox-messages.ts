import type { OutboxMessage } from '@contracts/outbox.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getOutboxMessages = (limit: number) => api.get<OutboxMessage[]>(`/outbox?limit=${limit}`);

export const useOutboxMessages = (limit = 100) => useQuery({ queryKey: ['outbox', { limit }], queryFn: () => getOutboxMessages(limit) });
