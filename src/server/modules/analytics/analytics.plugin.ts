import type { FastifyInstance } from 'fastify';
import { analyticsRoutes } from './analytics.routes.js';

/** The analytics module in the app: the dashboards' routes (the rollups themselves are kept by triggers). */
export async function registerAnalytics(app: FastifyInstance): Promise<void> {
  await app.register(analyticsRoutes);
}
