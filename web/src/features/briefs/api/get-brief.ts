import type { BriefComparison, BriefDetail, BriefVersion } from '@contracts/briefs.contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

const brief = (briefId: string) => `/briefs/${encodeURIComponent(briefId)}`;
export const briefKey = (briefId: string) => ['briefs', briefId] as const;

export const getBrief = (briefId: string) => api.get<BriefDetail>(brief(briefId));
export const getBriefVersions = (briefId: string) => api.get<BriefVersion[]>(`${brief(briefId)}/versions`);
export const compareBriefVersions = (briefId: string, from: number, to: number) =>
  api.get<BriefComparison>(`${brief(briefId)}/compare?from=${from}&to=${to}`);

export const useBrief = (briefId: string) => useQuery({ queryKey: briefKey(briefId), queryFn: () => getBrief(briefId) });
export const useBriefVersions = (briefId: string) =>
  useQuery({ queryKey: [...briefKey(briefId), 'versions'], queryFn: () => getBriefVersions(briefId) });
export const useBriefComparison = (briefId: string, from: number, to: number) =>
  useQuery({
    queryKey: [...briefKey(briefId), 'compare', from, to],
    queryFn: () => compareBriefVersions(briefId, from, to),
    enabled: from > 0 && to > 0,
  });
