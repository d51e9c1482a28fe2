import type { FastifyInstance } from 'fastify';
import { analyticsRoutes } from './analytics.routes.js';
import { situationRoutes } from './situation.routes.js';

/**
 * The analytics module in the app: the dashboards' routes (the rollups themselves are kept by triggers) and
 * the situational center (live, with its stream).
 */
export async function registerAnalytics(app: FastifyInstance): Promise<void> {
  await app.register(analyticsRoutes);
  await app.register(situationRoutes);
}
