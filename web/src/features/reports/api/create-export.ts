import type { CreateExportInput, ReportExport } from '@contracts/report.contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { reportKey, reportPath } from './get-report';

export const exportKey = (exportId: string) => ['report-exports', exportId] as const;
/** The file itself: a plain link, so the browser downloads it with the session cookie. */
export const exportFileUrl = (exportId: string) => `/api/report-exports/${encodeURIComponent(exportId)}/file`;

export const createExport = (absenceId: string, input: CreateExportInput) =>
  api.post<ReportExport>(`${reportPath(absenceId)}/exports`, input);
export const getExport = (exportId: string) => api.get<ReportExport>(`/report-exports/${encodeURIComponent(exportId)}`);

export function useCreateExport(absenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateExportInput) => createExport(absenceId, input),
    onSuccess: async (created) => {
      queryClient.setQueryData(exportKey(created.id), created);
      await queryClient.invalidateQueries({ queryKey: reportKey(absenceId) });
    },
  });
}

const running = (state: ReportExport['state'] | undefined) => state === 'queued' || state === 'running';

/** An export's progress, polled every second while it renders; the report's list is refreshed when it is done. */
export function useExportProgress(exportId: string | null, absenceId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: exportKey(exportId ?? 'none'),
    queryFn: async () => {
      const current = await getExport(exportId ?? '');
      if (!running(current.state)) await queryClient.invalidateQueries({ queryKey: reportKey(absenceId) });
      return current;
    },
    enabled: exportId !== null,
    refetchInterval: (query) => (running(query.state.data?.state) ? 1000 : false),
  });
}
