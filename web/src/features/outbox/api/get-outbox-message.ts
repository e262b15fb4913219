import type { OutboxMessage } from '@contracts/outbox.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const getOutboxMessage = (outboxId: string) => api.get<OutboxMessage>(`/outbox/${encodeURIComponent(outboxId)}`);

export const useOutboxMessage = (outboxId: string) =>
  useQuery({ queryKey: ['outbox', 'message', outboxId], queryFn: () => getOutboxMessage(outboxId), retry: false });
