import type { ClientImport, DryRunResult, HeaderMapping } from '@contracts/clients.contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '@/lib/api-client';

/** The file goes up as text/csv (not JSON): up to 20 MB, kept by the server for the import job. */
export async function uploadClientImport({ file, csrfToken }: { file: File; csrfToken: string }): Promise<ClientImport> {
  let response: Response;
  try {
    response = await fetch(`/api/client-imports?fileName=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: await file.text(),
    });
  } catch {
    throw new ApiError('network.unreachable', 'The server cannot be reached', 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new ApiError(
      body?.error?.code ?? 'server.error',
      body?.error?.message ?? `Unexpected response (${response.status})`,
      response.status,
    );
  return body as ClientImport;
}

export const useUploadClientImport = () => useMutation({ mutationFn: uploadClientImport });

export const dryRunClientImport = ({ importId, mapping }: { importId: string; mapping: HeaderMapping }) =>
  api.post<DryRunResult>(`/client-imports/${encodeURIComponent(importId)}/dry-run`, { mapping });

export const useDryRunClientImport = () => useMutation({ mutationFn: dryRunClientImport });

export const startClientImport = ({ importId, mapping }: { importId: string; mapping: HeaderMapping }) =>
  api.post<ClientImport>(`/client-imports/${encodeURIComponent(importId)}/start`, { mapping });

export const useStartClientImport = () => useMutation({ mutationFn: startClientImport });

export const getClientImport = (importId: string) => api.get<ClientImport>(`/client-imports/${encodeURIComponent(importId)}`);

/** Polled every second until the import is done or failed. */
export const useClientImportProgress = (importId: string | null) =>
  useQuery({
    queryKey: ['client-imports', importId],
    queryFn: () => getClientImport(importId ?? ''),
    enabled: importId !== null,
    refetchInterval: (query) => (['done', 'failed'].includes(query.state.data?.status ?? '') ? false : 1000),
  });
