import type { ContactDetail, LogCallInput } from '@contracts/coverage.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { storeContact } from './get-contact';

export const logCall = (input: LogCallInput) => api.post<ContactDetail>('/coverage/calls', input);

export function useLogCall() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: logCall, onSuccess: (contact) => storeContact(queryClient, contact) });
}
