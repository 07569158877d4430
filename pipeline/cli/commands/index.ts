// Every command of the CLI, in the order `shifan --help` lists them: one line each. A command's module (and what
// it imports: DuckDB, exceljs, jsdom, Fastify...) loads only when that command runs; `--help` lists the summaries.
//
// database says what a command does with the DuckDB file, which decides whether a running `shifan serve` runs it:
//   'shared'  opens the database: while a server holds it, the command runs inside the server (channel.ts);
//   'holder'  holds the database itself for as long as it runs (never sent to a server);
//   'none'    never opens it.
import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

export interface CommandEntry {
  name: string;
  summary: string;
  database: 'shared' | 'holder' | 'none';
  load: () => Promise<RegisterCommand>;
}

export const commands: CommandEntry[] = [
  {
    name: 'start',
    database: 'holder',
    summary: 'set up the database, reference data and demo sample when empty, then serve',
    load: async () => (await import('./start.ts')).registerStart,
  },
  {
    name: 'serve',
    database: 'holder',
    summary: 'run the dashboard and the API; the single writer of the database',
    load: async () => (await import('./serve.ts')).registerServe,
  },
  {
    name: 'users',
    database: 'shared',
    summary: 'accounts of the server: add, list, disable',
    load: async () => (await import('./users.ts')).registerUsers,
  },
  {
    name: 'ingest',
    database: 'shared',
    summary: 'load files or folders (CSV, XLSX, JSON Lines, Parquet)',
    load: async () => (await import('./ingest.ts')).registerIngest,
  },
  {
    name: 'loads',
    database: 'shared',
    summary: 'the load log: every file loaded, skipped or refused',
    load: async () => (await import('./loads.ts')).registerLoads,
  },
  {
    name: 'rejects',
    database: 'shared',
    summary: 'rejected records with file, line, column and reason',
    load: async () => (await import('./rejects.ts')).registerRejects,
  },
  {
    name: 'spotcheck',
    database: 'shared',
    summary: 'the yearly random spot check (回访抽查): freeze, draw, verify, certificate',
    load: async () => (await import('./spotcheck.ts')).registerSpotcheck,
  },
  {
    name: 'audit',
    database: 'shared',
    summary: 'the hash-chained audit log of every state change',
    load: async () => (await import('./audit.ts')).registerAudit,
  },
  {
    name: 'round',
    database: 'shared',
    summary: 'naming rounds (认定程序): create, status, list',
    load: async () => (await import('./round.ts')).registerRound,
  },
  {
    name: 'applications',
    database: 'shared',
    summary: 'applicants of a naming round: rank, contradictions, scorecard, field checks, candidates, naming',
    load: async () => (await import('./applications.ts')).registerApplications,
  },
  {
    name: 'workdays',
    database: 'none',
    summary: 'working-day arithmetic on the official calendar',
    load: async () => (await import('./workdays.ts')).registerWorkdays,
  },
  {
    name: 'calendar',
    database: 'shared',
    summary: 'the official holiday calendar: published years, loading a newer notice',
    load: async () => (await import('./calendar.ts')).registerCalendar,
  },
  {
    name: 'demo',
    database: 'shared',
    summary: 'write deterministic synthetic input files for every dataset and load them',
    load: async () => (await import('./demo.ts')).registerDemo,
  },
  {
    name: 'refresh',
    database: 'shared',
    summary: 'recompute indicators, scorecard, funnel limits, risk flags and the watchlist',
    load: async () => (await import('./refresh.ts')).registerRefresh,
  },
  {
    name: 'indicators',
    database: 'shared',
    summary: 'the scorecard of a year: every metric, value, threshold, met or not',
    load: async () => (await import('./indicators.ts')).registerIndicators,
  },
  {
    name: 'risk',
    database: 'shared',
    summary: 'the ranked risk queue of a year: tier, score, rank interval, reasons',
    load: async () => (await import('./risk.ts')).registerRisk,
  },
  {
    name: 'flags',
    database: 'shared',
    summary: 'risk flags (预警) of a year with their evidence',
    load: async () => (await import('./flags.ts')).registerFlags,
  },
  {
    name: 'disclosure-reports',
    database: 'shared',
    summary: 'published 政府信息公开工作年度报告 of a year: flow, corrections, balance',
    load: async () => (await import('./disclosure-reports.ts')).registerDisclosureReports,
  },
  {
    name: 'watchlist',
    database: 'shared',
    summary: 'the revocation watchlist (摘牌观察名单): list, set, add',
    load: async () => (await import('./watchlist.ts')).registerWatchlist,
  },
  {
    name: 'schedule',
    database: 'holder',
    summary: 'run the scheduled jobs in the foreground, or --list them',
    load: async () => (await import('./schedule.ts')).registerSchedule,
  },
  {
    name: 'jobs',
    database: 'shared',
    summary: 'scheduled jobs: run one now, list runs, acknowledge failures',
    load: async () => (await import('./schedule.ts')).registerJobs,
  },
  {
    name: 'export',
    database: 'shared',
    summary: 'the quarterly package: offline HTML, PDF, XLSX, CSV, manifest, zip',
    load: async () => (await import('./export.ts')).registerExport,
  },
  {
    name: 'backup',
    database: 'shared',
    summary: 'a consistent snapshot: one Parquet file per table and a manifest with row counts and SHA-256',
    load: async () => (await import('./backup.ts')).registerBackup,
  },
  {
    name: 'restore',
    database: 'none',
    summary: 'verify a snapshot and restore it into a new database file, never over an existing one',
    load: async () => (await import('./backup.ts')).registerRestore,
  },
  {
    name: 'templates',
    database: 'none',
    summary: 'write CSV and XLSX templates with Chinese headers for every dataset',
    load: async () => (await import('./templates.ts')).registerTemplates,
  },
];
