// The figures and table cells every export shows, in the document's language: one place, so the HTML, the Markdown
// and the PDF state the same facts in the same words.
import type { ReportDocument } from '../../contracts/report.contracts';
import { formatDuration, formatPercent, formatReportTime } from './report.format';
import { reportLabels } from './report.texts';

export function summaryRows(document: ReportDocument): [string, string][] {
  const l = reportLabels(document.language);
  const s = document.summary;
  const n = (value: number) => String(value);
  return [
    [l('figure.readiness'), s.readinessAtDeparture === null ? l('meta.none') : `${formatPercent(s.readinessAtDeparture)} %`],
    [l('figure.gate_overridden'), l(s.gateOverridden ? 'yes' : 'no')],
    [l('figure.briefs'), n(s.briefs)],
    [l('figure.briefs_acknowledged'), n(s.briefsAcknowledged)],
    [l('figure.questions'), `${s.questionsAsked} / ${s.questionsAnswered}`],
    [l('figure.contacts'), n(s.contacts)],
    [l('figure.emails'), n(s.emails)],
    [l('figure.calls'), n(s.calls)],
    [l('figure.messages'), n(s.messages)],
    [l('figure.clients_with_contacts'), n(s.clientsWithContacts)],
    [l('figure.answered'), n(s.answered)],
    [l('figure.open'), n(s.open)],
    [l('figure.no_information'), n(s.noInformation)],
    [l('figure.waiting_for_owner'), n(s.waitingForOwner)],
    [l('figure.sla_breached'), n(s.slaBreached)],
    [
      l('figure.median_first_response'),
      s.medianFirstResponseMinutes === null ? l('meta.none') : formatDuration(s.medianFirstResponseMinutes, document.language),
    ],
    [l('figure.escalations'), n(s.escalations)],
    [l('figure.auto_replies'), n(s.autoReplies)],
    [l('figure.recovery_calls'), n(s.recoveryCalls)],
    [l('figure.clients_lost'), n(s.clientsLost)],
    [l('figure.clients_won_back'), n(s.clientsWonBack)],
  ];
}

export function readinessLine(document: ReportDocument): string {
  const l = reportLabels(document.language);
  const { readinessAtDeparture, gateOpenAtDeparture, override } = document.handover;
  if (readinessAtDeparture === null) return l('handover.readiness_unknown');
  const gate = override ? 'fact.gate_overridden_state' : gateOpenAtDeparture === false ? 'fact.gate_closed' : 'fact.gate_open';
  return l('handover.readiness', { percent: formatPercent(readinessAtDeparture), gate: l(gate) });
}

export function coverageCells(document: ReportDocument, contact: ReportDocument['coverage'][number]): string[] {
  const l = reportLabels(document.language);
  const zone = document.timeZone;
  const firstResponse =
    contact.kind !== 'email'
      ? l('meta.none')
      : contact.firstResponseAt
        ? `${formatReportTime(contact.firstResponseAt, zone)} (${formatDuration(contact.firstResponseMinutes ?? 0, document.language)})`
        : l('coverage.not_answered');
  return [
    formatReportTime(contact.receivedAt, zone),
    l(`kind.${contact.kind}`),
    contact.client ?? l('unknown_client'),
    contact.from,
    contact.subject,
    `${contact.handledBy} (${l(`role.${contact.handledByRole}`)})`,
    firstResponse,
    contact.slaBreached === null ? l('meta.none') : l(contact.slaBreached ? 'yes' : 'no'),
    contact.outcome ? l(`outcome.${contact.outcome}`) : contact.state === 'open' ? l('coverage.open') : l('meta.none'),
    contact.note ?? '',
    String(contact.autoReplies),
  ];
}

export function escalationCells(document: ReportDocument, escalation: ReportDocument['escalations'][number]): string[] {
  const l = reportLabels(document.language);
  const zone = document.timeZone;
  const resolution = escalation.resolvedAt
    ? `${formatReportTime(escalation.resolvedAt, zone)}, ${escalation.resolvedBy ?? ''}${escalation.resolutionNote ? `: ${escalation.resolutionNote}` : ''}`
    : escalation.acknowledgedAt
      ? `${l('escalation_state.acknowledged')} ${formatReportTime(escalation.acknowledgedAt, zone)}, ${escalation.acknowledgedBy ?? ''}`
      : '';
  return [
    formatReportTime(escalation.at, zone),
    escalation.client ?? l('unknown_client'),
    escalation.contactSubject,
    l(`rule.${escalation.rule}`),
    `${escalation.recipient} (${l(`target.${escalation.target}`)})`,
    l(`escalation_state.${escalation.state}`),
    resolution,
  ];
}

export function callCells(document: ReportDocument, call: ReportDocument['recovery']['calls'][number]): string[] {
  const l = reportLabels(document.language);
  const notes = [call.lostReason ? `${l('column.reason')}: ${call.lostReason}` : '', call.notes, call.nextStep].filter(Boolean).join(' — ');
  return [formatReportTime(call.at, document.timeZone), call.client, l(`call.${call.outcome}`), call.by ?? '', notes];
}
