import type { BriefContent } from '@contracts/briefs.contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { BriefFields } from './brief-fields';

/** The owner's editor: every field of the brief; saving returns whether a new version was created. */
export function BriefEditor({
  initial,
  shared,
  saving,
  error,
  notice,
  onSave,
}: {
  initial: BriefContent;
  shared: boolean;
  saving: boolean;
  error: string | null;
  notice: string | null;
  onSave: (content: BriefContent) => void;
}) {
  const { t } = useTranslation();
  const [content, setContent] = useState<BriefContent>(initial);
  return (
    <form
      className="form stack"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(content);
      }}
    >
      {shared ? <Alert tone="info">{t('briefs.editor.afterShareHint')}</Alert> : null}
      <BriefFields content={content} setContent={setContent} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="form__actions">
        <Button type="submit" busy={saving}>
          {t('briefs.editor.save')}
        </Button>
      </div>
    </form>
  );
}
