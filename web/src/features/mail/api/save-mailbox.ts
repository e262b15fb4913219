import type {
  CreateMailbox,
  ImapSettingsInput,
  ImapSyncResultBody,
  ImapTestResult,
  Mailbox,
  UpdateMailbox,
} from '@contracts/mail.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { mailboxesQueryKey } from './get-mailboxes';

function useMailboxMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: mailboxesQueryKey }) });
}

export const useCreateMailbox = () => useMailboxMutation((input: CreateMailbox) => api.post<Mailbox>('/mail/mailboxes', input));

export const useUpdateMailbox = (mailboxId: string) =>
  useMailboxMutation((input: UpdateMailbox) => api.patch<Mailbox>(`/mail/mailboxes/${mailboxId}`, input));

export const useSaveImap = (mailboxId: string) =>
  useMailboxMutation((input: ImapSettingsInput) => api.put<Mailbox>(`/mail/mailboxes/${mailboxId}/imap`, input));

export const useRemoveImap = (mailboxId: string) => useMailboxMutation(() => api.delete<Mailbox>(`/mail/mailboxes/${mailboxId}/imap`));

export const useDeleteMailbox = (mailboxId: string) => useMailboxMutation(() => api.delete<{ ok: true }>(`/mail/mailboxes/${mailboxId}`));

export const useSyncMailbox = (mailboxId: string) =>
  useMailboxMutation(() => api.post<ImapSyncResultBody>(`/mail/mailboxes/${mailboxId}/sync`));

/** Tries the settings in the form (a saved mailbox's blank password means the stored one). */
export const useTestImap = (mailboxId: string | null) =>
  useMutation({
    mutationFn: (input: ImapSettingsInput) =>
      api.post<ImapTestResult>(mailboxId ? `/mail/mailboxes/${mailboxId}/imap/test` : '/mail/imap/test', input),
  });
