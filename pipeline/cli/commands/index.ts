// Every command of the CLI, in the order `shifan --help` lists them. Add a command by adding its file here.
import type { Command } from 'commander';

import { registerStart } from './start.ts';
import { registerIngest } from './ingest.ts';
import { registerTemplates } from './templates.ts';
import { registerLoads } from './loads.ts';
import { registerRejects } from './rejects.ts';
import { registerSpotcheck } from './spotcheck.ts';
import { registerAudit } from './audit.ts';
import { registerWorkdays } from './workdays.ts';
import { registerCalendar } from './calendar.ts';
import { registerDemo } from './demo.ts';
import { registerRefresh } from './refresh.ts';
import { registerIndicators } from './indicators.ts';
import { registerFlags } from './flags.ts';
import { registerRisk } from './risk.ts';
import { registerWatchlist } from './watchlist.ts';
import { registerServe } from './serve.ts';
import { registerUsers } from './users.ts';
import { registerSchedule } from './schedule.ts';
import { registerExport } from './export.ts';
import { registerBackup } from './backup.ts';
import { registerDisclosureReports } from './disclosure-reports.ts';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerStart,
  registerServe,
  registerUsers,
  registerIngest,
  registerLoads,
  registerRejects,
  registerSpotcheck,
  registerAudit,
  registerWorkdays,
  registerCalendar,
  registerDemo,
  registerRefresh,
  registerIndicators,
  registerRisk,
  registerFlags,
  registerDisclosureReports,
  registerWatchlist,
  registerSchedule,
  registerExport,
  registerBackup,
  registerTemplates,
];
