import { useMemo } from 'react';
import { Field } from '../../components/Field';
import type { SectionProps } from './sectionProps';
import { WEEKDAYS } from './settingsForm';

/** The workspace's time zone, and the optional business-hours clock for response and resolution times. */
export function BusinessHoursSection({ form, error, update }: SectionProps) {
  return (
    <section className="card settings-card" aria-labelledby="hours-title" data-testid="settings-business-hours">
      <header className="card-header">
        <h2 id="hours-title">Time zone and business hours</h2>
      </header>
      {/* The zone is the workspace's, not only the clock's: reference fatigue counts its days (and "today") in it, business hours on or off. */}
      <div className="form-grid three">
        <Field
          label="Time zone"
          name="businessHours.timeZone"
          error={error('businessHours.timeZone')}
          hint="the workspace's, e.g. Europe/Berlin: business hours and the days reference asks count on"
        >
          <input
            className="input"
            list="time-zones"
            value={form.businessHours.timeZone}
            onChange={(e) => update((f) => ({ ...f, businessHours: { ...f.businessHours, timeZone: e.target.value } }))}
            data-testid="input-businessHours-timeZone"
          />
        </Field>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={form.businessHours.enabled}
          onChange={(e) => update((f) => ({ ...f, businessHours: { ...f.businessHours, enabled: e.target.checked } }))}
          data-testid="input-businessHours-enabled"
        />
        Count response and resolution times in business hours only
      </label>
      <fieldset className="hours-fields" disabled={!form.businessHours.enabled}>
        <legend className="visually-hidden">Working schedule</legend>
        <div className="form-grid three">
          <Field label="Start" name="businessHours.start" error={error('businessHours.start')}>
            <input
              type="time"
              className="input"
              value={form.businessHours.start}
              onChange={(e) => update((f) => ({ ...f, businessHours: { ...f.businessHours, start: e.target.value } }))}
              data-testid="input-businessHours-start"
            />
          </Field>
          <Field label="End" name="businessHours.end" error={error('businessHours.end')}>
            <input
              type="time"
              className="input"
              value={form.businessHours.end}
              onChange={(e) => update((f) => ({ ...f, businessHours: { ...f.businessHours, end: e.target.value } }))}
              data-testid="input-businessHours-end"
            />
          </Field>
        </div>
        <div className={`field${error('businessHours.days') ? ' invalid' : ''}`} role="group" aria-labelledby="days-label">
          <span id="days-label" className="field-label">
            Working days
          </span>
          <div className="days">
            {WEEKDAYS.map(({ day, label }) => (
              <label key={day} className={`day${form.businessHours.days.includes(day) ? ' on' : ''}`}>
                <input
                  type="checkbox"
                  checked={form.businessHours.days.includes(day)}
                  onChange={(e) =>
                    update((f) => ({
                      ...f,
                      businessHours: { ...f.businessHours, days: e.target.checked ? [...f.businessHours.days, day].sort() : f.businessHours.days.filter((d) => d !== day) },
                    }))
                  }
                />
                {label}
              </label>
            ))}
          </div>
          {error('businessHours.days') && (
            <span className="field-error" data-testid="error-businessHours.days">
              {error('businessHours.days')}
            </span>
          )}
        </div>
      </fieldset>
      <TimeZoneList />
    </section>
  );
}

/** Suggestions for the time-zone field: the zones this runtime knows. */
function TimeZoneList() {
  const zones = useMemo(() => {
    try {
      return (Intl as unknown as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');
    } catch {
      return [];
    }
  }, []);
  return (
    <datalist id="time-zones">
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}
