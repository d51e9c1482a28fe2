/**
 * The map of the situational center: an SVG drawn from the offices' coordinates, no tiles (okno runs without
 * the internet) — an equirectangular projection fitted to the region's bounds (situation-view.ts). Each office
 * is a circle sized by the number waiting and coloured by its state; colour is never the only signal: an
 * office with an alert carries a «!» mark and its name, a closed one a dashed outline, and every circle a
 * tooltip in words. The map is a picture for the eye (role img with a summary): everything it shows is in the
 * list below, which is what a keyboard or a screen reader uses.
 */
import type { Situation, SituationOffice } from '../../shared/analytics.js';
import { useT } from '../app/i18n/index.js';
import {
  circleRadius,
  fitProjection,
  labelsWithoutOverlap,
  type OfficeState,
  officeState,
  officeStates,
} from './situation-view.js';
import { stateWords } from './situation-words.js';

export const stateColours: Record<OfficeState, string> = {
  alert: '#c8102e',
  busy: '#b86e00',
  ok: '#1f7a3d',
  closed: '#7a8591',
};

type Placed = { office: SituationOffice; state: OfficeState; x: number; y: number; r: number };

export function SituationMap(props: {
  situation: Situation;
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const translator = useT();
  const { t, tn } = translator;
  const { situation, selected } = props;
  const located = situation.offices.filter(
    (o): o is SituationOffice & { lat: number; lon: number } => o.lat !== null && o.lon !== null,
  );
  const projection = fitProjection(located);
  const placed: Placed[] = located.map((o) => ({
    office: o,
    state: officeState(o, situation.targetWaitMinutes),
    r: circleRadius(o.waiting),
    ...projection.project(o.lat, o.lon),
  }));
  // the selected office first, then by alerts, the longest wait, the number waiting
  const urgency = (p: Placed) =>
    (p.office.code === selected ? 1e9 : 0) +
    p.office.alerts.length * 1e6 +
    (p.office.longestWaitMinutes ?? 0) * 1e3 +
    p.office.waiting;
  const marked = (p: Placed) => p.state === 'alert' || p.office.code === selected;
  // drawn in order: the largest plain circles under, then the marked ones, the most urgent on top — nothing
  // important is hidden by a crowd
  const order = (p: Placed) => (marked(p) ? 1e12 + urgency(p) : -p.r);
  placed.sort((a, b) => order(a) - order(b));
  // names beside the marked ones, the most urgent first, never overlapping
  const labelled = labelsWithoutOverlap(
    placed
      .filter(marked)
      .sort((a, b) => urgency(b) - urgency(a))
      .map((p) => ({ code: p.office.code, x: p.x, y: p.y, r: p.r, text: p.office.name })),
    { width: projection.width },
  );
  const alerting = situation.offices.filter((o) => o.alerts.length > 0).length;
  const unplaced = situation.offices.length - located.length;
  return (
    <section aria-labelledby="situation-map-title" className="situation-map" data-testid="situation-map">
      <h2 id="situation-map-title">{t('situation.map')}</h2>
      <p className="muted small">{t('situation.mapHint')}</p>
      <svg
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        role="img"
        aria-label={t('situation.mapLabel', {
          offices: translator.number(situation.offices.length),
          alerting: translator.number(alerting),
        })}
        className="situation-svg"
      >
        <rect x="0" y="0" width={projection.width} height={projection.height} className="situation-svg-bg" />
        {placed.map((p) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer's shortcut; the list below is the accessible way to pick an office
          <g
            key={p.office.code}
            data-office={p.office.code}
            data-state={p.state}
            className={`situation-dot${p.office.code === selected ? ' is-selected' : ''}`}
            onClick={() => props.onSelect(p.office.code)}
          >
            <title>
              {`${t('situation.tooltip', {
                name: p.office.name,
                waiting: translator.number(p.office.waiting),
                open: p.office.windowsOpen,
                total: p.office.windowsTotal,
              })}. ${t(stateWords[p.state])}`}
            </title>
            <circle
              cx={p.x}
              cy={p.y}
              r={p.r}
              fill={stateColours[p.state]}
              fillOpacity={p.state === 'closed' ? 0.35 : 0.8}
              stroke={p.office.code === selected ? '#1b1f24' : '#ffffff'}
              strokeWidth={p.office.code === selected ? 3 : 1.5}
              strokeDasharray={p.state === 'closed' ? '3 2' : undefined}
            />
            {p.state === 'alert' && (
              <>
                <circle
                  cx={p.x + p.r * 0.8}
                  cy={p.y - p.r * 0.8}
                  r={7}
                  fill="#ffffff"
                  stroke={stateColours.alert}
                  strokeWidth={2}
                />
                <text
                  x={p.x + p.r * 0.8}
                  y={p.y - p.r * 0.8 + 4}
                  textAnchor="middle"
                  className="situation-mark"
                >
                  !
                </text>
              </>
            )}
            {labelled.has(p.office.code) && (
              <text
                x={labelled.get(p.office.code) === 'start' ? p.x + p.r + 8 : p.x - p.r - 8}
                y={p.y + 4}
                textAnchor={labelled.get(p.office.code)}
                className="situation-label"
              >
                {p.office.name}
              </text>
            )}
          </g>
        ))}
      </svg>
      {unplaced > 0 && <p className="muted small">{tn('situation.noCoordinates', unplaced)}</p>}
      <Legend />
    </section>
  );
}

function Legend() {
  const { t } = useT();
  return (
    <div className="situation-legend" data-testid="situation-legend">
      <h3 className="small">{t('situation.legend')}</h3>
      <ul>
        {officeStates.map((state) => (
          <li key={state}>
            <svg width="34" height="22" aria-hidden="true" focusable="false">
              <circle
                cx="11"
                cy="11"
                r="8"
                fill={stateColours[state]}
                fillOpacity={state === 'closed' ? 0.35 : 0.8}
                stroke={state === 'closed' ? stateColours.closed : '#ffffff'}
                strokeDasharray={state === 'closed' ? '3 2' : undefined}
              />
              {state === 'alert' && (
                <>
                  <circle cx="24" cy="7" r="6" fill="#ffffff" stroke={stateColours.alert} strokeWidth="2" />
                  <text x="24" y="11" textAnchor="middle" className="situation-mark">
                    !
                  </text>
                </>
              )}
            </svg>
            {t(stateWords[state])}
          </li>
        ))}
        <li>
          <svg width="34" height="22" aria-hidden="true" focusable="false">
            <circle cx="6" cy="14" r="4" fill={stateColours.ok} fillOpacity="0.8" />
            <circle cx="22" cy="11" r="10" fill={stateColours.ok} fillOpacity="0.8" />
          </svg>
          {t('situation.legendSize')}
        </li>
      </ul>
    </div>
  );
}
