import { presentContact } from './contacts.usecases';
import type { CoverageRepository } from './coverage.repository';

/** What other domains (the return briefing, the report) read of an absence's coverage. */
export function createCoverageLookup({ coverageRepository }: { coverageRepository: CoverageRepository }) {
  return {
    async contactsOfAbsence(workspaceId: string, absenceId: string) {
      return (await coverageRepository.contactsOfAbsence(workspaceId, absenceId)).map((view) => ({
        row: view.contact,
        messageCount: view.messageCount,
        summary: presentContact(view),
      }));
    },
    escalationsOfAbsence: (workspaceId: string, absenceId: string) => coverageRepository.escalationsOfAbsence(workspaceId, absenceId),
    /** The client messages routed to the absence's contacts, with their text and the hash of the stored original. */
    messagesOfAbsence: (workspaceId: string, absenceId: string) => coverageRepository.messagesOfAbsence(workspaceId, absenceId),
  };
}
export type CoverageLookup = ReturnType<typeof createCoverageLookup>;
