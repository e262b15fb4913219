import type { ContactDetail } from '@contracts/coverage.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { storeContact } from './get-contact';

export const attachClient = (contactId: string, clientId: string) =>
  api.post<ContactDetail>(`/coverage/contacts/${contactId}/client`, { clientId });

export function useAttachClient(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) => attachClient(contactId, clientId),
    onSuccess: (contact) => storeContact(queryClient, contact),
  });
}
