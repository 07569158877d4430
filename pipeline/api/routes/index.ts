// The route groups, each one Fastify plugin registered under /api.
import authRoutes from './auth.ts';
import metaRoutes from './meta.ts';
import indicatorRoutes from './indicators.ts';
import regionRoutes from './regions.ts';
import flagRoutes from './flags.ts';
import riskRoutes from './risk.ts';
import spotcheckRoutes from './spotchecks.ts';
import watchlistRoutes from './watchlist.ts';
import dataRoutes from './data.ts';
import jobRoutes from './jobs.ts';
import userRoutes from './users.ts';
import inspectorRoutes from './inspectors.ts';
import disclosureReportRoutes from './disclosure-reports.ts';
import namingRoutes from './naming.ts';
import templateRoutes from './templates.ts';

export const routeGroups = [
  authRoutes,
  metaRoutes,
  indicatorRoutes,
  regionRoutes,
  riskRoutes,
  flagRoutes,
  spotcheckRoutes,
  watchlistRoutes,
  dataRoutes,
  jobRoutes,
  userRoutes,
  inspectorRoutes,
  disclosureReportRoutes,
  namingRoutes,
  templateRoutes,
];
