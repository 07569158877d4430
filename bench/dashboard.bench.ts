// Benchmark: the dashboard's first view, in headless Chromium against the real `shifan serve` on the small demo
// (the browser tests' harness). For each of a few fresh pages it reads the navigation-start → first-overview-chart
// time (the `shifan:first-chart` mark PlotFigure sets) and, as the baseline of the same run, navigation start →
// the login page's form on a page with no session (the same server, bundle and browser, no data and no chart).
// The ratio is what to compare across runs on a noisy machine; the target is 2 s absolute on a quiet one.
//   npm run bench:dashboard [-- --runs 5]
import { buildDashboardIfStale, hasChromium, launch, login, startServer } from '../tests/browser/harness.ts';

const args = process.argv.slice(2);
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const TARGET_MS = 2000;

if (!hasChromium) {
  console.error('bench:dashboard needs /usr/bin/chromium (apt-get install -y chromium fonts-noto-cjk)');
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

buildDashboardIfStale();
const server = await startServer();
const browser = await launch();
try {
  const anonymous = await browser.newContext({ locale: 'zh-CN' });
  const analyst = await browser.newContext({ locale: 'zh-CN' });
  await (await login(analyst, server.baseUrl, server.central)).close();
  const baseline: number[] = [];
  const firstChart: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const bare = await anonymous.newPage();
    await bare.goto(`${server.baseUrl}/`);
    await bare.waitForSelector('input[name=username]');
    baseline.push(await bare.evaluate(() => performance.now()));
    await bare.close();
    const page = await analyst.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.waitForSelector('[data-testid="chart-batch"][data-rendered="true"]', { timeout: 30_000 });
    firstChart.push(
      await page.evaluate(() => performance.getEntriesByName('shifan:first-chart')[0]?.startTime ?? Number.NaN),
    );
    await page.close();
  }
  const b = median(baseline);
  const t = median(firstChart);
  console.log(`login form (baseline): median ${b.toFixed(0)} ms of ${baseline.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(`first overview chart: median ${t.toFixed(0)} ms of ${firstChart.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(
    `ratio ${(t / b).toFixed(2)}; target ${TARGET_MS} ms absolute on a quiet machine: ${t <= TARGET_MS ? 'met' : 'not met'}`,
  );
} finally {
  await browser.close();
  await server.stop();
}
