import type { Language, Workspace } from '@contracts/workspaces.contracts';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { useErrorMessage } from '@/lib/errors';
import { updateWorkspaceSchema, useUpdateWorkspace } from '../api/update-workspace';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Rome', 'Europe/London', 'UTC'];
  }
}

type Problems = Partial<Record<'name' | 'timezone', string>>;

export function WorkspaceSettingsForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateWorkspace();
  const zonesId = useId();
  const [name, setName] = useState(workspace.name);
  const [timezone, setTimezone] = useState(workspace.timezone);
  const [defaultLanguage, setDefaultLanguage] = useState<Language>(workspace.defaultLanguage);
  const [problems, setProblems] = useState<Problems>({});
  const zones = useMemo(timeZones, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Working hours and holidays are edited with the coverage settings, where the SLA deadlines count in them.
    const parsed = updateWorkspaceSchema.safeParse({ name, timezone, defaultLanguage });
    if (!parsed.success) {
      const next: Problems = {};
      for (const issue of parsed.error.issues) {
        const [first] = issue.path;
        if (first === 'name') next.name = t('settings.problems.name');
        else if (first === 'timezone') next.timezone = t('settings.problems.timezone');
      }
      setProblems(next);
      return;
    }
    setProblems({});
    update.mutate(parsed.data);
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {update.isSuccess ? <Alert tone="success">{t('settings.saved')}</Alert> : null}
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      {Object.keys(problems).length > 0 ? <Alert tone="error">{t('settings.problems.summary')}</Alert> : null}

      <Card title={t('settings.general.title')}>
        <div className="form">
          <TextField
            label={t('settings.general.name')}
            required
            maxLength={120}
            value={name}
            error={problems.name}
            onChange={(event) => setName(event.target.value)}
          />
          <TextField
            label={t('settings.general.timezone')}
            hint={t('settings.general.timezoneHint')}
            list={zonesId}
            required
            autoComplete="off"
            spellCheck={false}
            value={timezone}
            error={problems.timezone}
            onChange={(event) => setTimezone(event.target.value)}
          />
          <datalist id={zonesId}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <SelectField
            label={t('settings.general.defaultLanguage')}
            hint={t('settings.general.defaultLanguageHint')}
            value={defaultLanguage}
            onChange={(event) => setDefaultLanguage(event.target.value as Language)}
            options={[
              { value: 'en', label: 'English' },
              { value: 'it', label: 'Italiano' },
            ]}
          />
        </div>
      </Card>

      <div className="form__actions form__actions--end">
        <Button type="submit" busy={update.isPending}>
          {t('settings.save')}
        </Button>
      </div>
    </form>
  );
}
