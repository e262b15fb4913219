import { type SessionResponse, type UpdateWorkspace, updateWorkspaceSchema, type Workspace } from '@contracts/workspaces.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sessionQueryKey } from '@/lib/session';
import { workspaceQueryKey } from './get-workspace';

export { updateWorkspaceSchema };

export const updateWorkspace = (input: UpdateWorkspace) => api.patch<Workspace>('/workspace', input);

export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWorkspace,
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceQueryKey, workspace);
      // The header and every date on screen follow the workspace name and time zone.
      queryClient.setQueryData<SessionResponse | null>(sessionQueryKey, (session) => (session ? { ...session, workspace } : session));
    },
  });
}
