import { defineErrors } from '../../platform/http/errors';

export const debriefErrors = defineErrors({
  // One answer for "no such debrief" and "not yours to see": nobody learns that a debrief exists.
  notFound: ['debrief.not_found', 404, 'No such debrief'],
  notReturned: ['debrief.not_returned', 409, 'The debrief comes after the return: this absence has not returned yet'],
  exists: ['debrief.exists', 409, 'This absence already has a debrief'],
  notOrganiser: [
    'debrief.not_organiser',
    403,
    'Only the owner and the manager of the absence open a debrief, record findings and conclude it',
  ],
  concluded: ['debrief.concluded', 409, 'This debrief is concluded: its answers and findings no longer change'],
  unknownQuestion: ['debrief.unknown_question', 400, 'This debrief has no such question'],
  reasonRequired: ['debrief.reason_required', 400, 'A “deliberate” finding needs the reason learned in the meeting'],
  reasonNotApplicable: ['debrief.reason_not_applicable', 400, 'Only a “deliberate” finding records a reason learned; use the note'],
  unknownClient: ['debrief.unknown_client', 400, 'This client was not covered by the absence'],
  findingNotFound: ['debrief.finding_not_found', 404, 'No such finding'],
  noFindings: ['debrief.no_findings', 409, 'Record at least one finding before concluding the debrief'],
});
