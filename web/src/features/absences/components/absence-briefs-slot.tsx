/**
 * BRIEFS SLOT — the briefs side mounts the readiness panel and the brief list of the absence here.
 * It renders nothing until then; replace this component, keep its name and props.
 */
export function AbsenceBriefsSlot(_props: { absenceId: string }) {
  return null;
}
