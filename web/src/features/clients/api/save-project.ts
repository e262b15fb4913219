import type { ClientDetail, ProjectInput } from '@contracts/clients.contracts';
import { api } from '@/lib/api-client';
import { useClientMutation } from './use-client-mutation';

/** Creates a project, or edits it when `projectId` is given. */
export const saveProject = ({ clientId, projectId, ...input }: ProjectInput & { clientId: string; projectId?: string }) =>
  projectId
    ? api.patch<ClientDetail>(`/clients/${encodeURIComponent(clientId)}/projects/${encodeURIComponent(projectId)}`, input)
    : api.post<ClientDetail>(`/clients/${encodeURIComponent(clientId)}/projects`, input);

export const useSaveProject = () => useClientMutation(saveProject);
