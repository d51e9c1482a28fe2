import type { WaitBand } from './queue.js';

/**
 * The predicted wait — pure. Each ticket ahead takes its service's recent mean time at the window
 * (measured per office, else per region, else the configured default); the windows open for the service
 * share that work. A newcomer to an office waits for everyone waiting there, shared by the open windows.
 */

/** Minutes until a ticket with this work ahead is called; null when no window is open for it. */
export function predictWaitMinutes(aheadMinutes: readonly number[], windowsOpen: number): number | null {
  if (windowsOpen <= 0) return null;
  const work = aheadMinutes.reduce((sum, m) => sum + m, 0);
  // The means are fractional, and their floating-point sum can land a hair above a whole minute
  // (1.8 + 11.5 + 2 + 13.4 + 1.3 = 30.000000000000004): snap to a microminute before rounding up, or the
  // prediction grows a minute that isn't there (and 30 becomes the "over 30" band).
  return Math.ceil(Math.round((work / windowsOpen) * 1e6) / 1e6);
}

/** A service's time at the window: the office's measure, the region's, else the default. */
export function serviceMinutes(
  service: string | null,
  office: { get(service: string): number | undefined },
  region: { get(service: string): number | undefined },
  defaultMinutes: number,
): number {
  if (service === null) return defaultMinutes;
  return office.get(service) ?? region.get(service) ?? defaultMinutes;
}

/** The band the portal, the kiosk and the call center show: under 10 / 10–20 / 20–30 / over 30 minutes. */
export function waitBand(minutes: number): WaitBand {
  if (minutes < 10) return 'under10';
  if (minutes < 20) return '10to20';
  if (minutes <= 30) return '20to30';
  return 'over30';
}

/** Mean absolute error of predictions against what happened, in minutes (null for none). */
export function meanAbsoluteError(pairs: readonly { predicted: number; actual: number }[]): number | null {
  if (pairs.length === 0) return null;
  return pairs.reduce((sum, p) => sum + Math.abs(p.predicted - p.actual), 0) / pairs.length;
}
