import type { RevokedStatusLinks } from '@contracts/absences.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { statusLinksQueryKey } from './get-status-links';

/** Without a client: every link of the absence. */
export const revokeStatusLinks = ({ absenceId, clientId }: { absenceId: string; clientId?: string }) =>
  api.post<RevokedStatusLinks>(`/absences/${encodeURIComponent(absenceId)}/status-links/revoke`, clientId ? { clientId } : {});

export function useRevokeStatusLinks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeStatusLinks,
    onSuccess: (_data, { absenceId }) => queryClient.invalidateQueries({ queryKey: statusLinksQueryKey(absenceId) }),
  });
}
