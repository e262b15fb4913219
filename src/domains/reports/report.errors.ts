import { defineErrors } from '../../platform/http/errors';

export const reportErrors = defineErrors({
  notFound: ['report.not_found', 404, 'No such report'],
  notStarted: ['report.not_started', 409, 'This absence has not started: there is nothing to report yet'],
  notReturned: ['report.not_returned', 409, 'The report is finalised and sent once the owner is back'],
  ownerOnly: ['report.owner_only', 403, 'Only the owner of the absence writes, finalises and sends the report; you can read it'],
  final: ['report.final', 409, 'This report is final: its content no longer changes'],
  wordingFlagged: [
    'report.wording_flagged',
    409,
    'Some wording may read as an accusation; the check suggests factual wording. Reword it, or keep it with confirmed: true',
  ],
  exportNotFound: ['report.export_not_found', 404, 'No such export'],
  exportNotReady: ['report.export_not_ready', 409, 'This export is not ready yet'],
});
