import type { CalendarFeed } from '@contracts/absences.contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { calendarFeedsQueryKey } from './get-calendar-feeds';

export type CreatedCalendarFeed = CalendarFeed & { url: string };

export const createCalendarFeed = () => api.post<CreatedCalendarFeed>('/calendar-feeds');

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedsQueryKey }),
  });
}
