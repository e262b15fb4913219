import { defineErrors } from '../../platform/http/errors';

export const briefErrors = defineErrors({
  absenceNotFound: ['absence.not_found', 404, 'No such absence'],
  briefNotFound: ['brief.not_found', 404, 'No such brief'],
  ownerOnly: ['brief.owner_only', 403, 'Only the owner of the absence writes its briefs'],
  delegateOnly: ['brief.delegate_only', 403, 'Only the primary or backup delegate of the absence acknowledges its briefs'],
  askerOnly: ['brief.question_not_allowed', 403, 'Only the delegates and the manager of the absence ask questions'],
  clientNotCovered: ['brief.client_not_covered', 400, 'This client (or project) is not covered by the absence'],
  briefExists: ['brief.exists', 409, 'This client already has a brief in this absence'],
  absenceOver: ['brief.absence_over', 409, 'The absence is over: its briefs can no longer change'],
  notDraft: ['absence.not_draft', 409, 'Only an absence in draft can be shared'],
  notShared: ['brief.not_shared', 409, 'The brief has not been shared yet: there is no version to acknowledge'],
  versionOutdated: [
    'brief.version_outdated',
    409,
    'This version is no longer the current one: review the latest version and acknowledge it',
  ],
  hashMismatch: [
    'brief.hash_mismatch',
    409,
    'The content hash does not match this version: reload the brief and acknowledge what you read',
  ],
  versionNotFound: ['brief.version_not_found', 404, 'No such version of this brief'],
  readBackRequired: [
    'brief.read_back_required',
    400,
    'This is a key account: write a read-back, the situation and the next step in your own words',
  ],
  readBackTooShort: [
    'brief.read_back_too_short',
    400,
    'The read-back is too short: write at least one real sentence (40 characters, 6 different words) on the situation and the next step',
  ],
  acknowledgementNotFound: ['acknowledgement.not_found', 404, 'No such acknowledgement'],
  notReviewable: ['acknowledgement.not_reviewable', 409, 'Only a current read-back waiting for review can be accepted or asked again'],
  questionNotFound: ['question.not_found', 404, 'No such question'],
  questionAnswered: ['question.already_answered', 409, 'This question has already been answered'],
  templateNotFound: ['brief_template.not_found', 404, 'No such brief template'],
});
