// Figures follow the data: after any write or job that leaves loads newer than the latest refresh (an upload, an
// inbox run, `shifan ingest` through the server, or loads made while no server ran), a refresh is scheduled on the
// writer. Debounced: every new load moves the refresh `delayMs` later, so a batch of files triggers one refresh,
// but never more than `maxWaitMs` after the first waiting load, so a steady trickle cannot postpone it forever.
// `app.figures.status()` says when the figures were computed and whether newer loads wait (GET /api/figures).

import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { refresh } from '../../indicators/index.ts';

export interface AutoRefreshOptions {
  /** quiet time after the last load before refreshing (default 10 s; env SHIFAN_AUTO_REFRESH_DELAY_MS) */
  delayMs?: number;
  /** longest wait after the first waiting load (default 60 s) */
  maxWaitMs?: number;
}

export interface FiguresStatus {
  computed_at: string | null;
  as_of: string | null;
  newest_load_at: string | null;
  loads_waiting: number;
  /** off: no automatic refresh in this server; scheduled: due at due_at; running: refreshing now */
  auto_refresh: 'off' | 'idle' | 'scheduled' | 'running';
  due_at: string | null;
  last_error: string | null;
}

interface StatusRow {
  computed_at: string | null;
  as_of: string | null;
  newest_load_at: string | null;
  loads_waiting: number;
}

export class FiguresRefresher {
  private timer: NodeJS.Timeout | undefined;
  private firstWaitingAt: number | undefined;
  private dueAt: number | undefined;
  private running = false;
  private current: Promise<void> | undefined;
  private checking: Promise<void> | undefined;
  private closed = false;
  lastError: string | null = null;
  /** automatic refreshes run so far (tests wait on it) */
  refreshes = 0;

  constructor(
    private readonly app: FastifyInstance,
    private readonly options: Required<AutoRefreshOptions> | null,
  ) {}

  private async row(): Promise<StatusRow> {
    return (await this.app.q.rows<StatusRow>('api/figures_status', {}))[0];
  }

  async status(): Promise<FiguresStatus> {
    const r = await this.row();
    const state = !this.options ? 'off' : this.running ? 'running' : this.timer ? 'scheduled' : 'idle';
    return {
      ...r,
      auto_refresh: state,
      due_at: this.timer && this.dueAt ? new Date(this.dueAt).toISOString() : null,
      last_error: this.lastError,
    };
  }

  /** Looks for waiting loads and (re)schedules the refresh; called after every write and job run. */
  check(): void {
    if (!this.options || this.closed || this.running) return;
    this.checking ??= this.row()
      .then((r) => {
        if (r.loads_waiting > 0) this.schedule();
      })
      .catch((err) => this.app.log.warn({ err }, 'auto-refresh: could not read the load log'))
      .finally(() => {
        this.checking = undefined;
      });
  }

  private schedule(): void {
    const { delayMs, maxWaitMs } = this.options!;
    const now = Date.now();
    this.firstWaitingAt ??= now;
    this.dueAt = Math.min(now + delayMs, this.firstWaitingAt + maxWaitMs);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.start(), Math.max(0, this.dueAt - now));
    this.timer.unref();
  }

  /** Waits until no check or refresh is in flight (a scheduled refresh stays scheduled). */
  async settled(): Promise<void> {
    while (this.checking || this.current) await (this.checking ?? this.current);
  }

  /** Runs a scheduled refresh now instead of at its due time; nothing when none is scheduled. */
  async runDue(): Promise<void> {
    await this.settled();
    if (!this.timer) return;
    clearTimeout(this.timer);
    await this.start();
  }

  private start(): Promise<void> {
    this.current = this.run().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.firstWaitingAt = undefined;
    if (this.closed) return;
    this.running = true;
    try {
      // Incremental: only the years the new loads changed (and the year after each) are recomputed; the nightly
      // refresh stays full.
      const r = await this.app.q.write((db) => refresh(db, { actor: 'system:auto-refresh', incremental: true }));
      this.lastError = null;
      this.app.log.info(
        { run_id: r.run_id, seconds: r.seconds, mode: r.mode, years: r.years_recomputed },
        'auto-refresh after new loads',
      );
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      this.app.log.error({ err }, 'auto-refresh failed');
    } finally {
      this.running = false;
      this.refreshes++;
    }
    // loads that arrived while refreshing are waiting again (unless the refresh failed: the next load retries)
    if (!this.lastError) this.check();
  }

  /** Stops scheduling; waits for a check or refresh under way, which use the database the caller closes next. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.allSettled([this.checking, this.current]);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    figures: FiguresRefresher;
  }
}

export default fp(
  async function figuresPlugin(app: FastifyInstance, opts: { autoRefresh?: AutoRefreshOptions | false }) {
    const envDelay = Number(process.env.SHIFAN_AUTO_REFRESH_DELAY_MS);
    const options = opts.autoRefresh
      ? {
          delayMs: opts.autoRefresh.delayMs ?? (Number.isFinite(envDelay) && envDelay >= 0 ? envDelay : 10_000),
          maxWaitMs: opts.autoRefresh.maxWaitMs ?? 60_000,
        }
      : null;
    const figures = new FiguresRefresher(app, options);
    app.decorate('figures', figures);
    app.q.onChange(() => figures.check());
    // loads made while no server ran (`shifan ingest` on its own) are picked up at start
    app.addHook('onReady', async () => figures.check());
    app.addHook('onClose', async () => figures.close());
  },
  { name: 'shifan-figures', dependencies: ['shifan-db'] },
);
