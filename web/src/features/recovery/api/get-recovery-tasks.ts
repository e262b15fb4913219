import type { RecoveryTaskList, RecoveryTaskState } from '@contracts/recovery.contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const absenceTasksKey = (absenceId: string) => ['absences', absenceId, 'recovery-tasks'] as const;
export const myTasksKey = ['recovery', 'tasks'] as const;

const tasksPath = (absenceId: string) => `/absences/${encodeURIComponent(absenceId)}/recovery-tasks`;

export const getAbsenceTasks = (absenceId: string) => api.get<RecoveryTaskList>(tasksPath(absenceId));
export const getMyTasks = (state?: RecoveryTaskState) => api.get<RecoveryTaskList>(`/recovery/tasks${state ? `?state=${state}` : ''}`);
export const createTasks = (absenceId: string) => api.post<RecoveryTaskList>(tasksPath(absenceId), {});

export const useAbsenceTasks = (absenceId: string, options: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: absenceTasksKey(absenceId), queryFn: () => getAbsenceTasks(absenceId), ...options });

export const useMyTasks = () => useQuery({ queryKey: myTasksKey, queryFn: () => getMyTasks() });

/** For an absence that returned before its tasks existed: the same idempotent step the return job runs. */
export function useCreateTasks(absenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => createTasks(absenceId),
    onSuccess: async (list) => {
      queryClient.setQueryData(absenceTasksKey(absenceId), list);
      await queryClient.invalidateQueries({ queryKey: myTasksKey });
    },
  });
}
