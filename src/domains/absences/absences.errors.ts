import { defineErrors } from '../../platform/http/errors';

export const absenceErrors = defineErrors({
  notFound: ['absence.not_found', 404, 'No such absence'],
  onlyOwner: ['absence.only_owner', 403, 'Only the owner of the absence can do this'],
  onlyOwnerOrManager: ['absence.only_owner_or_manager', 403, 'Only the owner or the manager of the absence can do this'],
  onlyManager: ['absence.only_manager', 403, 'Only the manager of this absence or an admin can override the gate'],
  endsBeforeStart: ['absence.ends_before_start', 400, 'The absence must end after it starts'],
  endsInPast: ['absence.ends_in_past', 400, 'The absence would already be over: choose an end in the future'],
  invalidLocalTime: ['absence.invalid_local_time', 400, 'This date and time does not exist in the workspace time zone'],
  delegateIsOwner: ['absence.delegate_is_owner', 400, 'The owner cannot be their own delegate'],
  delegatesSame: ['absence.delegates_same', 400, 'The primary and the backup delegate must be two different people'],
  managerIsOwner: ['absence.manager_is_owner', 400, 'The owner cannot be the manager of their own absence'],
  personNotFound: ['absence.person_not_found', 400, 'A delegate or the manager is not an active user of this workspace'],
  managerRole: ['absence.manager_role', 400, 'The manager must be a user with the manager or admin role'],
  clientNotFound: ['absence.client_not_found', 400, 'A covered client or project does not belong to this workspace'],
  overlap: ['absence.overlap', 409, 'You already have an absence in these dates'],
  notEditable: ['absence.not_editable', 409, 'This absence can no longer be changed this way'],
  wrongState: ['absence.wrong_state', 409, 'This is not possible in the absence’s current state'],
  unknownPlaceholder: ['auto_reply.unknown_placeholder', 400, 'The auto-reply uses an unknown placeholder'],
  feedNotFound: ['calendar_feed.not_found', 404, 'No such calendar feed'],
  statusLinkClientNotFound: [
    'status_link.client_not_found',
    400,
    'This client is not covered by the absence and has no status link: choose one of its clients',
  ],
});
