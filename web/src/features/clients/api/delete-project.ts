import type { ClientDetail } from '@contracts/clients.contracts';
import { api } from '@/lib/api-client';
import { useClientMutation } from './use-client-mutation';

export const deleteProject = ({ clientId, projectId }: { clientId: string; projectId: string }) =>
  api.delete<ClientDetail>(`/clients/${encodeURIComponent(clientId)}/projects/${encodeURIComponent(projectId)}`);

export const useDeleteProject = () => useClientMutation(deleteProject);
