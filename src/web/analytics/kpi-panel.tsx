/**
 * The KPI panel: each target of Decree 601 and of the region (summary.kpis) with its value, the target,
 * who set it, and its state in words and a sign as well as colour (✓ on target, ! near the limit, ✕ missed,
 * – no data), so it reads in grey and to a screen reader alike.
 */
import type { Kpi } from '../../shared/analytics.js';
import { kpiTargets } from '../../shared/analytics-kpi.js';
import { type MessageKey, useT } from '../app/i18n/index.js';
import { type AnalyticsFormat, useAnalyticsFormat } from './analytics-format.js';
import { Figure } from './analytics-table.js';

const signs: Record<Kpi['status'], string> = { green: '✓', amber: '!', red: '✕', none: '–' };

/** A KPI's value in its unit: minutes for the mean wait, a share for the rest. */
export function kpiValue(kpi: Pick<Kpi, 'code'>, value: number | null, f: AnalyticsFormat): string | null {
  return kpi.code.endsWith('Minutes') ? f.minutes(value) : f.percent(value);
}

export function KpiPanel({ kpis }: { kpis: Kpi[] }) {
  const { t } = useT();
  const f = useAnalyticsFormat();
  return (
    <section className="an-section" aria-labelledby="an-kpi-title">
      <h2 id="an-kpi-title">{t('an.kpi.title')}</h2>
      <ul className="an-kpis" data-testid="an-kpis">
        {kpis.map((kpi) => {
          // a KPI the server adds later shows by its code until it has words here
          const name = kpi.code in kpiTargets ? t(`an.kpi.code.${kpi.code}` as MessageKey) : kpi.code;
          const target = kpiValue(kpi, kpi.target, f) ?? '';
          return (
            <li
              key={kpi.code}
              className={`an-kpi an-kpi-${kpi.status}`}
              data-testid={`kpi-${kpi.code}`}
              data-status={kpi.status}
            >
              <h3 className="an-kpi-name">{name}</h3>
              <p className="an-kpi-value">
                <Figure value={kpiValue(kpi, kpi.value, f)} />
              </p>
              <p className="an-kpi-status">
                <span className="an-kpi-sign" aria-hidden="true">
                  {signs[kpi.status]}
                </span>{' '}
                {t(`an.kpi.status.${kpi.status}`)}
              </p>
              <p className="small muted">
                {t(kpi.direction === 'max' ? 'an.kpi.targetMax' : 'an.kpi.targetMin', { target })} ·{' '}
                {t(`an.kpi.source.${kpi.source}`)}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
