import { type ChainVerification, verifyChain } from './audit.models';
import type { AuditRepository } from './audit.repository';

export function createAuditUseCases({ auditRepository }: { auditRepository: AuditRepository }) {
  return {
    async verifyWorkspace(workspaceId: string): Promise<ChainVerification> {
      const [events, head] = await Promise.all([auditRepository.eventsInStorageOrder(workspaceId), auditRepository.head(workspaceId)]);
      return verifyChain(events, head);
    },
    recentEvents: (workspaceId: string, options: { before?: number; limit: number }) => auditRepository.page(workspaceId, options),
  };
}
export type AuditUseCases = ReturnType<typeof createAuditUseCases>;
