import type { ClientDetail } from '@contracts/clients.contracts';
import { api } from '@/lib/api-client';
import { useClientMutation } from './use-client-mutation';

export const archiveClient = ({ clientId, archived }: { clientId: string; archived: boolean }) =>
  api.post<ClientDetail>(`/clients/${encodeURIComponent(clientId)}/${archived ? 'archive' : 'unarchive'}`);

export const useArchiveClient = () => useClientMutation(archiveClient);
