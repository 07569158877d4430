// `shifan backup [--out DIR]` and `shifan restore DIR [--db NEW]` (pipeline/backup).
import type { Command } from 'commander';
import {
  type BackupResult,
  backupDatabase,
  defaultBackupDir,
  defaultKeep,
  restoreDatabase,
  rotatingBackup,
} from '../../backup/index.ts';
import { DatabaseBusyError, defaultDbPath } from '../../db/index.ts';
import { cliOut, cliPath, optionsOf, printJson, withDatabase } from '../context.ts';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'a consistent snapshot of the database: one Parquet file per table + manifest.json (row counts, SHA-256)',
    )
    .option(
      '--out <dir>',
      `new folder to write the snapshot into (default: data/backups/shifan-<time>/, keeping the newest ${defaultKeep()})`,
    )
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf<{ out?: string }>(cmd);
      let result: BackupResult;
      try {
        result = await withDatabase(cmd, (db) =>
          opts.out ? backupDatabase(db, cliPath(opts.out)) : rotatingBackup(db, { dir: defaultBackupDir() }),
        );
      } catch (err) {
        if (err instanceof DatabaseBusyError) {
          throw new DatabaseBusyError(
            err.path,
            `${err.holder}. While the server runs, back up through it (its single writer): ` +
              'the nightly job "backup", or run it now on the Data page (数据 → 定时任务 → 立即运行) or with POST /api/jobs/backup/run',
          );
        }
        throw err;
      }
      if (opts.json)
        return printJson({
          dir: result.dir,
          ms: Math.round(result.ms),
          tables: result.manifest.tables,
          files: result.manifest.files,
        });
      const rows = Object.values(result.manifest.tables).reduce((a, b) => a + b, 0);
      cliOut.write(
        `备份完成 backup written: ${result.dir}\n${Object.keys(result.manifest.tables).length} tables, ${rows.toLocaleString('en')} rows, ` +
          `${result.manifest.files.length} files, ${(result.ms / 1000).toFixed(1)} s; check it with \`shifan restore ${result.dir} --db NEW_FILE\`\n`,
      );
    });
}

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description(
      'verify a snapshot against its manifest and restore it into a NEW database file (never over an existing one)',
    )
    .argument('<dir>', 'the snapshot folder (with manifest.json)')
    .action(async (dir: string, _opts, cmd: Command) => {
      const opts = optionsOf<object>(cmd);
      const target = cliPath(opts.db ?? defaultDbPath());
      const result = await restoreDatabase(cliPath(dir), target);
      if (opts.json) return printJson({ db: result.db, ms: Math.round(result.ms), tables: result.tables });
      const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
      cliOut.write(
        `恢复完成 restored into ${result.db}: ${Object.keys(result.tables).length} tables, ${rows.toLocaleString('en')} rows, ` +
          `every count as in the manifest, ${(result.ms / 1000).toFixed(1)} s. Use it with --db ${result.db} (or SHIFAN_DB).\n`,
      );
    });
}
