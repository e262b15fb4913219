import { type Debrief, type FindingCategory, findingCategories } from '@contracts/debrief.contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField } from '@/components/ui/field';
import { useFormatters } from '@/lib/format';
import { useAddFinding } from '../api/add-finding';
import { useRemoveFinding } from '../api/remove-finding';
import { useDebriefErrorMessage } from './use-debrief-error';

function AddFindingForm({ debrief }: { debrief: Debrief }) {
  const { t } = useTranslation();
  const errorMessage = useDebriefErrorMessage();
  const add = useAddFinding(debrief.id, debrief.absenceId);
  const [category, setCategory] = useState<FindingCategory>('missing_information');
  const [clientId, setClientId] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [added, setAdded] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    add.mutate(
      {
        category,
        clientId: clientId || null,
        note: note.trim(),
        reasonLearned: category === 'deliberate' ? reason.trim() : null,
      },
      {
        onSuccess: () => {
          setAdded(true);
          setNote('');
          setReason('');
          setClientId('');
        },
      },
    );
  };

  return (
    <form className="form debrief-finding-form" onSubmit={submit}>
      <h3 className="debrief-section__title">{t('debrief.findings.add')}</h3>
      {add.isError ? <Alert tone="error">{errorMessage(add.error)}</Alert> : null}
      {added && !add.isError ? <Alert tone="success">{t('debrief.findings.added')}</Alert> : null}
      <div className="form__row">
        <SelectField
          label={t('debrief.findings.category')}
          hint={t(`debrief.categoryHint.${category}`)}
          value={category}
          onChange={(event) => setCategory(event.target.value as FindingCategory)}
          options={findingCategories.map((value) => ({ value, label: t(`debrief.category.${value}`) }))}
        />
        <SelectField
          label={t('debrief.findings.clientLabel')}
          value={clientId}
          onChange={(event) => setClientId(event.target.value)}
          options={[
            { value: '', label: t('debrief.findings.noClient') },
            ...debrief.clients.map((client) => ({ value: client.id, label: client.name })),
          ]}
        />
      </div>
      {category === 'deliberate' ? (
        <TextAreaField
          label={t('debrief.findings.reasonLabel')}
          hint={t('debrief.findings.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={2}
          maxLength={2000}
          required
        />
      ) : null}
      <TextAreaField
        label={t('debrief.findings.note')}
        hint={t('debrief.findings.noteHint')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        rows={3}
        maxLength={5000}
      />
      <div className="form__actions">
        <Button type="submit" busy={add.isPending}>
          {t('debrief.findings.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The owner's and the manager's conclusions: a category per gap, a note in facts, the reason when it was a choice. */
export function FindingsEditor({ debrief }: { debrief: Debrief }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorMessage = useDebriefErrorMessage();
  const remove = useRemoveFinding(debrief.id, debrief.absenceId);
  const findings = debrief.findings ?? [];
  const open = debrief.state === 'open';

  return (
    <div className="stack">
      {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
      {findings.length === 0 ? (
        <p className="empty">{t('debrief.findings.none')}</p>
      ) : (
        <ul className="debrief-findings">
          {findings.map((finding) => (
            <li key={finding.id} className="debrief-finding">
              <div className="debrief-finding__header">
                <Badge tone={finding.category === 'deliberate' ? 'warning' : 'info'}>{t(`debrief.category.${finding.category}`)}</Badge>
                {finding.clientName ? <span>{t('debrief.findings.client', { client: finding.clientName })}</span> : null}
                {open ? (
                  <Button
                    variant="ghost"
                    size="small"
                    className="debrief-finding__remove"
                    busy={remove.isPending && remove.variables === finding.id}
                    aria-label={t('debrief.findings.removeLabel', { category: t(`debrief.category.${finding.category}`) })}
                    onClick={() => remove.mutate(finding.id)}
                  >
                    {t('debrief.findings.remove')}
                  </Button>
                ) : null}
              </div>
              {finding.note ? <p className="debrief-text">{finding.note}</p> : null}
              {finding.reasonLearned ? (
                <p className="debrief-text">{t('debrief.findings.reason', { reason: finding.reasonLearned })}</p>
              ) : null}
              {finding.wordingFlags.length > 0 ? (
                <p className="debrief-flags">
                  {t('debrief.findings.flagged', { words: finding.wordingFlags.map((flag) => `“${flag.text}”`).join(', ') })}
                </p>
              ) : null}
              <p className="muted debrief-finding__by">
                {t('debrief.findings.by', { name: finding.createdByName ?? '—', date: format.date(finding.createdAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {open ? <AddFindingForm debrief={debrief} /> : null}
    </div>
  );
}
