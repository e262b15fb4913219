import type { BriefContent } from '@contracts/briefs.contracts';
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';

type ListField = 'keyFacts' | 'commitments' | 'dos' | 'donts';

/** A list field with add/remove rows; each row renders its own inputs. */
function ListEditor<T>({
  legend,
  items,
  blank,
  onChange,
  row,
}: {
  legend: string;
  items: T[];
  blank: T;
  onChange: (items: T[]) => void;
  row: (item: T, update: (item: T) => void, label: string) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset list-editor">
      <legend>{legend}</legend>
      {items.map((item, index) => {
        const label = t('briefs.editor.itemNumber', { field: legend, number: index + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; position is their identity
          <div key={index} className="list-editor__row">
            <div className="list-editor__fields">
              {row(item, (next) => onChange(items.map((old, i) => (i === index ? next : old))), label)}
            </div>
            <Button
              size="small"
              variant="ghost"
              aria-label={t('briefs.editor.removeItem', { number: index + 1, field: legend })}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              {t('briefs.editor.remove')}
            </Button>
          </div>
        );
      })}
      <div>
        <Button
          size="small"
          variant="secondary"
          aria-label={t('briefs.editor.addTo', { field: legend })}
          onClick={() => onChange([...items, blank])}
        >
          {t('briefs.editor.add')}
        </Button>
      </div>
    </fieldset>
  );
}

/**
 * Every field of a brief's content, as a controlled editor. Shared by the brief editor and the
 * workspace's brief templates, so both edit the same fields the same way.
 */
export function BriefFields({ content, setContent }: { content: BriefContent; setContent: Dispatch<SetStateAction<BriefContent>> }) {
  const { t } = useTranslation();
  const set =
    <K extends keyof BriefContent>(key: K) =>
    (value: BriefContent[K]) =>
      setContent((old) => ({ ...old, [key]: value }));
  const f = (key: string) => t(`briefs.fields.${key}`);
  const texts = (key: ListField) => (
    <ListEditor
      legend={f(key)}
      items={content[key]}
      blank=""
      onChange={set(key)}
      row={(item, update, label) => <TextField label={label} value={item} onChange={(e) => update(e.target.value)} />}
    />
  );
  return (
    <>
      <TextAreaField label={f('situation')} rows={4} value={content.situation} onChange={(e) => set('situation')(e.target.value)} />
      {texts('keyFacts')}
      <ListEditor
        legend={f('nextSteps')}
        items={content.nextSteps}
        blank={{ text: '', due: null }}
        onChange={set('nextSteps')}
        row={(item, update, label) => (
          <>
            <TextField label={`${label}: ${f('text')}`} value={item.text} onChange={(e) => update({ ...item, text: e.target.value })} />
            <TextField
              label={`${label}: ${f('due')}`}
              type="date"
              value={item.due ?? ''}
              onChange={(e) => update({ ...item, due: e.target.value || null })}
            />
          </>
        )}
      />
      {texts('commitments')}
      <ListEditor
        legend={f('faq')}
        items={content.faq}
        blank={{ question: '', answer: '' }}
        onChange={set('faq')}
        row={(item, update, label) => (
          <>
            <TextField
              label={`${label}: ${f('question')}`}
              value={item.question}
              onChange={(e) => update({ ...item, question: e.target.value })}
            />
            <TextAreaField
              label={`${label}: ${f('answer')}`}
              rows={2}
              value={item.answer}
              onChange={(e) => update({ ...item, answer: e.target.value })}
            />
          </>
        )}
      />
      <ListEditor
        legend={f('contacts')}
        items={content.contacts}
        blank={{ name: '', side: 'client' as const, reachFor: '', email: '', phone: '' }}
        onChange={set('contacts')}
        row={(item, update, label) => (
          <>
            <TextField label={`${label}: ${f('name')}`} value={item.name} onChange={(e) => update({ ...item, name: e.target.value })} />
            <SelectField
              label={`${label}: ${f('side')}`}
              value={item.side}
              options={[
                { value: 'client', label: f('sideClient') },
                { value: 'internal', label: f('sideInternal') },
              ]}
              onChange={(e) => update({ ...item, side: e.target.value as 'client' | 'internal' })}
            />
            <TextField
              label={`${label}: ${f('reachFor')}`}
              value={item.reachFor}
              onChange={(e) => update({ ...item, reachFor: e.target.value })}
            />
            <TextField
              label={`${label}: ${f('email')}`}
              type="email"
              value={item.email}
              onChange={(e) => update({ ...item, email: e.target.value })}
            />
            <TextField
              label={`${label}: ${f('phone')}`}
              type="tel"
              value={item.phone}
              onChange={(e) => update({ ...item, phone: e.target.value })}
            />
          </>
        )}
      />
      {texts('dos')}
      {texts('donts')}
      <ListEditor
        legend={f('contingencies')}
        items={content.contingencies}
        blank={{ when: '', action: '' }}
        onChange={set('contingencies')}
        row={(item, update, label) => (
          <>
            <TextField label={`${label}: ${f('when')}`} value={item.when} onChange={(e) => update({ ...item, when: e.target.value })} />
            <TextField
              label={`${label}: ${f('action')}`}
              value={item.action}
              onChange={(e) => update({ ...item, action: e.target.value })}
            />
          </>
        )}
      />
      <ListEditor
        legend={f('links')}
        items={content.links}
        blank={{ label: '', url: '' }}
        onChange={set('links')}
        row={(item, update, label) => (
          <>
            <TextField label={`${label}: ${f('label')}`} value={item.label} onChange={(e) => update({ ...item, label: e.target.value })} />
            <TextField
              label={`${label}: ${f('url')}`}
              type="url"
              value={item.url}
              onChange={(e) => update({ ...item, url: e.target.value })}
            />
          </>
        )}
      />
      <TextAreaField
        label={f('clientSummary')}
        hint={f('clientSummaryHint')}
        rows={3}
        value={content.clientSummary}
        onChange={(e) => set('clientSummary')(e.target.value)}
      />
    </>
  );
}
