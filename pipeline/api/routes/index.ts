// The route groups, each one Fastify plugin registered under /api.
import authRoutes from './auth.ts';
import metaRoutes from './meta.ts';
import indicatorRoutes from './indicators.ts';
import regionRoutes from './regions.ts';
import flagRoutes from './flags.ts';
import spotcheckRoutes from './spotchecks.ts';
import watchlistRoutes from './watchlist.ts';
import dataRoutes from './data.ts';
import jobRoutes from './jobs.ts';
import disclosureReportRoutes from './disclosure-reports.ts';

export const routeGroups = [authRoutes, metaRoutes, indicatorRoutes, regionRoutes, flagRoutes, spotcheckRoutes, watchlistRoutes, dataRoutes, jobRoutes, disclosureReportRoutes];
