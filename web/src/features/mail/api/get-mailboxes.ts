import type { ImapProblem, Mailbox } from '@contracts/mail.contracts';
import type { User } from '@contracts/workspaces.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const mailboxesQueryKey = ['mail', 'mailboxes'] as const;

export const getMailboxes = () => api.get<Mailbox[]>('/mail/mailboxes');

/** Refreshed every 15 s while the page is open: the IDLE state and the last sync change on their own. */
export const useMailboxes = () => useQuery({ queryKey: mailboxesQueryKey, queryFn: getMailboxes, refetchInterval: 15_000 });

export const useMailboxProblems = (mailboxId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...mailboxesQueryKey, mailboxId, 'problems'],
    queryFn: () => api.get<ImapProblem[]>(`/mail/mailboxes/${mailboxId}/problems`),
    enabled,
  });

/** The people an admin may give a mailbox to (the users list, fetched here: no feature → feature import). */
export const useOwnerOptions = (enabled: boolean) => useQuery({ queryKey: ['users'], queryFn: () => api.get<User[]>('/users'), enabled });
