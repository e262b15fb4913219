import type { CreatedWebhook, CreateWebhook, UpdateWebhook, Webhook, WebhookDelivery } from '@contracts/webhooks.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { webhooksQueryKey } from './get-webhooks';

/** Every change refreshes the list and the deliveries below it. */
function useWebhookMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey }) });
}

export const useCreateWebhook = () => useWebhookMutation((input: CreateWebhook) => api.post<CreatedWebhook>('/webhooks', input));

export const useUpdateWebhook = (webhookId: string) =>
  useWebhookMutation((input: UpdateWebhook) => api.patch<Webhook>(`/webhooks/${webhookId}`, input));

export const useDeleteWebhook = (webhookId: string) => useWebhookMutation(() => api.delete<{ ok: true }>(`/webhooks/${webhookId}`));

/** Sends a test event now and answers with how it went. */
export const useSendTestEvent = (webhookId: string) => useWebhookMutation(() => api.post<WebhookDelivery>(`/webhooks/${webhookId}/test`));

export const useRedeliver = () =>
  useWebhookMutation((deliveryId: string) => api.post<WebhookDelivery>(`/webhooks/deliveries/${deliveryId}/redeliver`));
