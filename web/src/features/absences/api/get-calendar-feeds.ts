import type { CalendarFeed } from '@contracts/absences.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const calendarFeedsQueryKey = ['calendar-feeds'] as const;

export const getCalendarFeeds = () => api.get<CalendarFeed[]>('/calendar-feeds');

export const useCalendarFeeds = () => useQuery({ queryKey: calendarFeedsQueryKey, queryFn: getCalendarFeeds });
