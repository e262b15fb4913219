import type { Language, Workspace } from '@contracts/workspaces.contracts';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { useErrorMessage } from '@/lib/errors';
import { localeFor, useFormatters } from '@/lib/format';
import { updateWorkspaceSchema, useUpdateWorkspace } from '../api/update-workspace';

const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** Weekday names in the user's language, Monday first (ISO numbering). 2024-01-01 was a Monday. */
function weekdayNames(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return isoWeekdays.map((day) => ({ day, name: format.format(new Date(Date.UTC(2024, 0, day))) }));
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Rome', 'Europe/London', 'UTC'];
  }
}

type Problems = Partial<Record<'name' | 'timezone' | 'days' | 'hours' | 'holidays', string>>;

export function WorkspaceSettingsForm({ workspace }: { workspace: Workspace }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useFormatters();
  const update = useUpdateWorkspace();
  const zonesId = useId();
  const daysId = useId();
  const [name, setName] = useState(workspace.name);
  const [timezone, setTimezone] = useState(workspace.timezone);
  const [defaultLanguage, setDefaultLanguage] = useState<Language>(workspace.defaultLanguage);
  const [days, setDays] = useState<number[]>(workspace.businessHours.days);
  const [start, setStart] = useState(workspace.businessHours.start);
  const [end, setEnd] = useState(workspace.businessHours.end);
  const [holidays, setHolidays] = useState<string[]>(workspace.businessHours.holidays);
  const [newHoliday, setNewHoliday] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const weekdays = useMemo(() => weekdayNames(localeFor(i18n.language)), [i18n.language]);
  const zones = useMemo(timeZones, []);

  const toggleDay = (day: number, on: boolean) => setDays((current) => (on ? [...current, day].sort() : current.filter((d) => d !== day)));
  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newHoliday)) return;
    setHolidays((current) => [...new Set([...current, newHoliday])].sort());
    setNewHoliday('');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = updateWorkspaceSchema.safeParse({ name, timezone, defaultLanguage, businessHours: { days, start, end, holidays } });
    if (!parsed.success) {
      const next: Problems = {};
      for (const issue of parsed.error.issues) {
        const [first, second] = issue.path;
        if (first === 'name') next.name = t('settings.problems.name');
        else if (first === 'timezone') next.timezone = t('settings.problems.timezone');
        else if (second === 'days') next.days = t('settings.problems.days');
        else if (second === 'holidays') next.holidays = t('settings.problems.holidays');
        else next.hours = t('settings.problems.hours');
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

      <Card title={t('settings.hours.title')} description={t('settings.hours.description')}>
        <div className="form">
          <fieldset className="fieldset" aria-describedby={problems.days ? `${daysId}-error` : undefined}>
            <legend className="field__label">{t('settings.hours.days')}</legend>
            <div className="checkbox-grid">
              {weekdays.map(({ day, name: dayName }) => (
                <label key={day} className="checkbox">
                  <input type="checkbox" checked={days.includes(day)} onChange={(event) => toggleDay(day, event.target.checked)} />
                  <span>{dayName}</span>
                </label>
              ))}
            </div>
            {problems.days ? (
              <p className="field__error" id={`${daysId}-error`}>
                {problems.days}
              </p>
            ) : null}
          </fieldset>
          <div className="form__row">
            <TextField
              label={t('settings.hours.start')}
              type="time"
              required
              value={start}
              onChange={(event) => setStart(event.target.value)}
            />
            <TextField
              label={t('settings.hours.end')}
              type="time"
              required
              value={end}
              error={problems.hours}
              onChange={(event) => setEnd(event.target.value)}
            />
          </div>
        </div>
      </Card>

      <Card title={t('settings.holidays.title')} description={t('settings.holidays.description')}>
        <div className="form form--inline">
          <TextField
            label={t('settings.holidays.date')}
            type="date"
            value={newHoliday}
            error={problems.holidays}
            onChange={(event) => setNewHoliday(event.target.value)}
          />
          <Button variant="secondary" onClick={addHoliday} disabled={!newHoliday}>
            {t('settings.holidays.add')}
          </Button>
        </div>
        {holidays.length === 0 ? (
          <p className="empty">{t('settings.holidays.empty')}</p>
        ) : (
          <ul className="chip-list">
            {holidays.map((holiday) => (
              <li key={holiday} className="chip">
                <time dateTime={holiday}>{format.calendarDay(holiday)}</time>
                <Button
                  variant="ghost"
                  size="small"
                  onClick={() => setHolidays((current) => current.filter((day) => day !== holiday))}
                  aria-label={t('settings.holidays.removeNamed', { date: format.calendarDay(holiday) })}
                >
                  {t('settings.holidays.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="form__actions form__actions--end">
        <Button type="submit" busy={update.isPending}>
          {t('settings.save')}
        </Button>
      </div>
    </form>
  );
}
