import type { StatusLinksOverview } from '@contracts/absences.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { absencesQueryKey } from './get-absences';
import { statusLinksQueryKey } from './get-status-links';

export const setStatusLink = ({ absenceId, enabled }: { absenceId: string; enabled: boolean }) =>
  api.put<StatusLinksOverview>(`/absences/${encodeURIComponent(absenceId)}/status-link`, { enabled });

/** Switching the link changes the absence and its auto-reply preview too: refresh all of them. */
export function useSetStatusLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setStatusLink,
    onSuccess: (overview, { absenceId }) => {
      queryClient.setQueryData(statusLinksQueryKey(absenceId), overview);
      return queryClient.invalidateQueries({ queryKey: absencesQueryKey });
    },
  });
}
