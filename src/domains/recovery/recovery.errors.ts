import { defineErrors } from '../../platform/http/errors';

export const recoveryErrors = defineErrors({
  absenceNotFound: ['absence.not_found', 404, 'No such absence'],
  notStarted: ['recovery.not_started', 409, 'This absence has not started: there is nothing to brief yet'],
  notReturned: ['recovery.not_returned', 409, 'Recovery starts when the owner is back: this absence has not returned yet'],
  taskNotFound: ['recovery.task_not_found', 404, 'No such recovery task'],
  notOwner: ['recovery.not_owner', 403, 'Only the owner of the absence calls and writes to these clients; you can read the task'],
  retryInPast: ['recovery.retry_in_past', 400, 'The retry date must be today or later'],
  retryTooFar: ['recovery.retry_too_far', 400, 'The retry date must be within a year'],
  noClientAddress: ['recovery.no_client_address', 409, 'No email address is known for this client: add a contact with an address first'],
  blameFlagged: [
    'recovery.blame_flagged',
    409,
    'The message explains who was at fault; clients should not feel caught in the crossfire. Reword it, or send it anyway with confirmed: true',
  ],
  reminderNotFound: ['recovery.reminder_not_found', 404, 'No such win-back reminder'],
  reminderDone: ['recovery.reminder_done', 409, 'This reminder is already logged'],
  reminderCancelled: ['recovery.reminder_cancelled', 409, 'This win-back cadence has ended: the client is no longer lost'],
});
