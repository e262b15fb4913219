import type { BriefComparison, FieldDiffView } from '@contracts/briefs.contracts';
import { useTranslation } from 'react-i18next';

/** A list item as one line of text, whatever its shape. */
function itemText(item: unknown): string {
  if (item === undefined || item === null) return '';
  if (typeof item === 'string') return item;
  return Object.values(item as Record<string, unknown>)
    .filter((value) => value !== null && value !== '')
    .join(' · ');
}

const kindTone = { same: 'diff--same', added: 'diff--added', removed: 'diff--removed', changed: 'diff--changed' } as const;

function FieldRows({ field }: { field: FieldDiffView }) {
  const { t } = useTranslation();
  if (field.type === 'text')
    return (
      <tr className={field.changed ? 'diff--changed' : 'diff--same'}>
        <td className="pre-line">{field.before}</td>
        <td className="pre-line">{field.after}</td>
      </tr>
    );
  return (
    <>
      {(field.items ?? []).map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the diff is a fixed sequence
        <tr key={index} className={kindTone[item.kind]}>
          <td>{item.kind === 'added' ? null : itemText(item.before)}</td>
          <td>
            <span className="visually-hidden">{t(`briefs.versions.${item.kind === 'same' ? 'unchanged' : item.kind}`)}: </span>
            {item.kind === 'removed' ? null : itemText(item.after)}
          </td>
        </tr>
      ))}
    </>
  );
}

/** Side by side, field by field: what changed between two versions (unchanged fields folded away). */
export function VersionCompare({ comparison }: { comparison: BriefComparison }) {
  const { t } = useTranslation();
  const changed = comparison.fields.filter((field) => field.changed);
  if (changed.length === 0) return <p className="muted">{t('briefs.versions.noChanges')}</p>;
  return (
    <div className="stack">
      {changed.map((field) => (
        <section key={field.field} aria-labelledby={`diff-${field.field}`}>
          <h3 id={`diff-${field.field}`} className="brief-section__title">
            {t(`briefs.fields.${field.field}`)}
          </h3>
          <table className="diff-table">
            <caption className="visually-hidden">{t(`briefs.fields.${field.field}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('briefs.versions.before', { version: comparison.from.version })}</th>
                <th scope="col">{t('briefs.versions.after', { version: comparison.to.version })}</th>
              </tr>
            </thead>
            <tbody>
              <FieldRows field={field} />
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
