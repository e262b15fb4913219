import type { CoverageSettings } from '@contracts/coverage.contracts';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { localeFor, useFormatters } from '@/lib/format';
import { useUpdateCoverageSettings } from '../api/update-coverage-settings';
import { type SlaDraft, SlaField, slaDraft, slaTarget } from './sla-field';
import { useCoverageErrorMessage } from './use-coverage-error';

/** Weekday names in the user's language, Monday first (ISO numbering). 2024-01-01 was a Monday. */
function weekdayNames(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, name: format.format(new Date(Date.UTC(2024, 0, day))) }));
}

type Problems = Partial<Record<'days' | 'hours' | 'key' | 'standard', string>>;

/** The business calendar SLA deadlines count in, and the first-response target per client tier. */
export function CoverageSettingsForm({ settings }: { settings: CoverageSettings }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useCoverageErrorMessage();
  const format = useFormatters();
  const update = useUpdateCoverageSettings();
  const [days, setDays] = useState<number[]>(settings.calendar.workingDays);
  const [opensAt, setOpensAt] = useState(settings.calendar.opensAt);
  const [closesAt, setClosesAt] = useState(settings.calendar.closesAt);
  const [holidays, setHolidays] = useState<string[]>(settings.calendar.holidays);
  const [newHoliday, setNewHoliday] = useState('');
  const [sla, setSla] = useState<Record<'key' | 'standard', SlaDraft>>({
    key: slaDraft(settings.sla.key),
    standard: slaDraft(settings.sla.standard),
  });
  const [problems, setProblems] = useState<Problems>({});
  const weekdays = useMemo(() => weekdayNames(localeFor(i18n.language)), [i18n.language]);

  const toggleDay = (day: number, on: boolean) =>
    setDays((current) => (on ? [...new Set([...current, day])].sort((a, b) => a - b) : current.filter((d) => d !== day)));
  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newHoliday)) return;
    setHolidays((current) => [...new Set([...current, newHoliday])].sort());
    setNewHoliday('');
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const key = slaTarget(sla.key);
    const standard = slaTarget(sla.standard);
    const next: Problems = {};
    if (days.length === 0) next.days = t('coverage.settings.problems.days');
    if (!/^\d{2}:\d{2}$/.test(opensAt) || !/^\d{2}:\d{2}$/.test(closesAt) || opensAt >= closesAt)
      next.hours = t('coverage.settings.problems.hours');
    if (!key) next.key = t('coverage.settings.problems.sla');
    if (!standard) next.standard = t('coverage.settings.problems.sla');
    setProblems(next);
    if (Object.keys(next).length > 0 || !key || !standard) return;
    update.mutate({ calendar: { workingDays: days, opensAt, closesAt, holidays }, sla: { key, standard } });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      {update.isSuccess ? <Alert tone="success">{t('coverage.settings.saved')}</Alert> : null}
      {update.isError ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
      {Object.keys(problems).length > 0 ? <Alert tone="error">{t('coverage.settings.problems.summary')}</Alert> : null}

      <Card title={t('coverage.settings.sla.title')} description={t('coverage.settings.sla.description')}>
        <div className="form__row">
          <SlaField
            label={t('coverage.settings.sla.key')}
            value={sla.key}
            error={problems.key}
            onChange={(draft) => setSla({ ...sla, key: draft })}
          />
          <SlaField
            label={t('coverage.settings.sla.standard')}
            value={sla.standard}
            error={problems.standard}
            onChange={(draft) => setSla({ ...sla, standard: draft })}
          />
        </div>
      </Card>

      <Card
        title={t('coverage.settings.calendar.title')}
        description={t('coverage.settings.calendar.description', { timezone: format.timezone })}
      >
        <div className="form">
          <fieldset className="fieldset" aria-describedby={problems.days ? 'coverage-days-error' : undefined}>
            <legend className="field__label">{t('coverage.settings.calendar.days')}</legend>
            <div className="checkbox-grid">
              {weekdays.map(({ day, name }) => (
                <label key={day} className="checkbox">
                  <input type="checkbox" checked={days.includes(day)} onChange={(event) => toggleDay(day, event.target.checked)} />
                  <span>{name}</span>
                </label>
              ))}
            </div>
            {problems.days ? (
              <p className="field__error" id="coverage-days-error">
                {problems.days}
              </p>
            ) : null}
          </fieldset>
          <div className="form__row">
            <TextField
              label={t('coverage.settings.calendar.opensAt')}
              type="time"
              required
              value={opensAt}
              onChange={(event) => setOpensAt(event.target.value)}
            />
            <TextField
              label={t('coverage.settings.calendar.closesAt')}
              type="time"
              required
              value={closesAt}
              error={problems.hours}
              onChange={(event) => setClosesAt(event.target.value)}
            />
          </div>
        </div>
      </Card>

      <Card title={t('coverage.settings.holidays.title')} description={t('coverage.settings.holidays.description')}>
        <div className="form form--inline">
          <TextField
            label={t('coverage.settings.holidays.date')}
            type="date"
            value={newHoliday}
            onChange={(event) => setNewHoliday(event.target.value)}
          />
          <Button variant="secondary" onClick={addHoliday} disabled={!newHoliday}>
            {t('coverage.settings.holidays.add')}
          </Button>
        </div>
        {holidays.length === 0 ? (
          <p className="empty">{t('coverage.settings.holidays.empty')}</p>
        ) : (
          <ul className="chip-list">
            {holidays.map((holiday) => (
              <li key={holiday} className="chip">
                <time dateTime={holiday}>{format.calendarDay(holiday)}</time>
                <Button
                  variant="ghost"
                  size="small"
                  onClick={() => setHolidays((current) => current.filter((day) => day !== holiday))}
                  aria-label={t('coverage.settings.holidays.removeNamed', { date: format.calendarDay(holiday) })}
                >
                  {t('coverage.settings.holidays.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="form__actions form__actions--end">
        <Button type="submit" busy={update.isPending}>
          {t('coverage.settings.save')}
        </Button>
      </div>
    </form>
  );
}
