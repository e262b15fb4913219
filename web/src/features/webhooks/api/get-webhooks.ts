import type { Webhook, WebhookDelivery } from '@contracts/webhooks.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const webhooksQueryKey = ['webhooks'] as const;

export const useWebhooks = () => useQuery({ queryKey: webhooksQueryKey, queryFn: () => api.get<Webhook[]>('/webhooks') });

/** Refreshed every few seconds while a delivery is still being tried (the job runner works on its own). */
export const useWebhookDeliveries = (webhookId: string) =>
  useQuery({
    queryKey: [...webhooksQueryKey, webhookId, 'deliveries'],
    queryFn: () => api.get<WebhookDelivery[]>(`/webhooks/${webhookId}/deliveries`),
    refetchInterval: (query) => (query.state.data?.some((delivery) => delivery.status === 'pending') ? 3_000 : false),
  });
