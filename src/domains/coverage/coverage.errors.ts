import { defineErrors } from '../../platform/http/errors';

export const coverageErrors = defineErrors({
  contactNotFound: ['coverage.contact_not_found', 404, 'No such contact'],
  notCovering: ['coverage.not_covering', 403, 'Only the delegates and the manager of this absence handle its contacts'],
  contactClosed: ['coverage.contact_closed', 409, 'This contact is already closed'],
  noReplyAddress: ['coverage.no_reply_address', 409, 'This contact has no address to reply to: log a call instead'],
  noHandOff: ['coverage.no_hand_off', 409, 'There is nobody left to hand this contact to'],
  followUpInPast: ['coverage.follow_up_in_past', 400, 'The follow-up date must be today or later'],
  confirmAcknowledged: [
    'coverage.no_information_needs_confirmation',
    409,
    'The brief for this client was acknowledged: look at it again and confirm that the information was not there',
  ],
  noCoveringAbsence: ['coverage.no_covering_absence', 409, 'No absence you cover is active for this client now'],
  clientNotFound: ['coverage.client_not_found', 404, 'No such client'],
  alreadyAttached: ['coverage.already_attached', 409, 'This contact already belongs to a client'],
  callInFuture: ['coverage.call_in_future', 400, 'A call cannot be logged in the future'],
  escalationNotFound: ['coverage.escalation_not_found', 404, 'No such escalation'],
  escalationNotYours: ['coverage.escalation_not_yours', 403, 'Only its recipient, a manager or an admin handles this escalation'],
  escalationResolved: ['coverage.escalation_resolved', 409, 'This escalation is already resolved'],
  invalidSettings: ['coverage.invalid_settings', 400, 'These coverage settings cannot work'],
});
