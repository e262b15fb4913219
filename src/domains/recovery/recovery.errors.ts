import { defineErrors } from '../../platform/http/errors';

export const recoveryErrors = defineErrors({
  absenceNotFound: ['absence.not_found', 404, 'No such absence'],
  notStarted: ['recovery.not_started', 409, 'This absence has not started: there is nothing to brief yet'],
});
