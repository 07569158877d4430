// The shell: login gate, left navigation, top bar (year, language, user) and the page for the current path.
import { FiguresStatus } from '../components/FiguresStatus.tsx';
import { lazy, Suspense, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link, matchPath, useRouter } from './router.tsx';
import { ROUTE_ROLES, ROUTES, type RoutePattern } from './routes.ts';
import { useSession, useYear } from './session.tsx';
import type { Role } from '../api/index.ts';
import { LoginPage } from '../features/login/LoginPage.tsx';
import { OverviewPage } from '../features/overview/OverviewPage.tsx';

const RiskPage = lazy(() => import('../features/risk/RiskPage.tsx'));
const IndicatorsPage = lazy(() => import('../features/indicators/IndicatorsPage.tsx'));
const RegionsPage = lazy(() => import('../features/region/RegionsPage.tsx'));
const RegionPage = lazy(() => import('../features/region/RegionPage.tsx'));
const SpotchecksPage = lazy(() => import('../features/spotchecks/SpotchecksPage.tsx'));
const CertificatePage = lazy(() => import('../features/spotchecks/CertificatePage.tsx'));
const WatchlistPage = lazy(() => import('../features/watchlist/WatchlistPage.tsx'));
const DataPage = lazy(() => import('../features/data/DataPage.tsx'));
const UploadPage = lazy(() => import('../features/upload/UploadPage.tsx'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage.tsx'));
const InspectorsPage = lazy(() => import('../features/inspectors/InspectorsPage.tsx'));
const NamingPage = lazy(() => import('../features/naming/NamingPage.tsx'));
const PasswordPage = lazy(() => import('../features/password/PasswordPage.tsx'));

/** Pages shown only to some roles (the server checks the role again on every route). */
const NAV: { path: string; key: MessageKey; match: string; roles?: Role[] }[] = [
  { path: '/', key: 'nav.risk', match: '/', roles: ['central', 'provincial'] },
  { path: '/overview', key: 'nav.overview', match: '/overview' },
  { path: '/indicators', key: 'nav.indicators', match: '/indicators' },
  { path: '/regions', key: 'nav.region', match: '/regions' },
  { path: '/spotchecks', key: 'nav.spotchecks', match: '/spotchecks' },
  { path: '/watchlist', key: 'nav.watchlist', match: '/watchlist' },
  { path: '/naming', key: 'nav.naming', match: '/naming' },
  { path: '/data', key: 'nav.data', match: '/data' },
  { path: '/upload', key: 'nav.upload', match: '/upload' },
  { path: '/inspectors', key: 'nav.inspectors', match: '/inspectors', roles: ['central', 'admin'] },
  { path: '/accounts', key: 'nav.accounts', match: '/accounts', roles: ['admin'] },
];

/** Each route's page; the landing view: an analyst (central or provincial) starts from the risk queue, an admin
 *  from the overview. Typed by the route list, so a pattern without a page does not compile. */
const PAGES: Record<RoutePattern, (p: Record<string, string>, role: Role) => ReactNode> = {
  '/': (_, role) => (role === 'admin' ? <OverviewPage /> : <RiskPage />),
  '/risk': (_, role) => (role === 'admin' ? <OverviewPage /> : <RiskPage />),
  '/overview': () => <OverviewPage />,
  '/indicators': () => <IndicatorsPage />,
  '/regions': () => <RegionsPage />,
  '/regions/:code': (p) => <RegionPage code={p.code!} />,
  '/spotchecks': () => <SpotchecksPage />,
  '/spotchecks/:id': (p) => <CertificatePage id={p.id!} />,
  '/watchlist': () => <WatchlistPage />,
  '/watchlist/:id': (p) => <WatchlistPage id={p.id!} />,
  '/naming': () => <NamingPage />,
  '/data': () => <DataPage />,
  '/upload': () => <UploadPage />,
  '/inspectors': () => <InspectorsPage />,
  '/accounts': () => <AccountsPage />,
  '/password': () => <PasswordPage />,
};

/** A page the role may not open, reached by a typed or old link: said at once, instead of its form and a failed load. */
function Forbidden() {
  const { t } = useI18n();
  return (
    <div className="page" data-page="forbidden">
      <div className="state state-error" role="alert" data-testid="page-forbidden">
        {t('nav.forbidden')}
      </div>
    </div>
  );
}

function route(path: string, role: Role): ReactNode {
  for (const pattern of ROUTES) {
    const params = matchPath(pattern, path);
    if (!params) continue;
    const allowed = ROUTE_ROLES[pattern];
    return allowed && !allowed.includes(role) ? <Forbidden /> : PAGES[pattern](params, role);
  }
  return <OverviewPage />;
}

function YearPicker() {
  const { t } = useI18n();
  const { meta } = useSession();
  const [year, setYear] = useYear();
  if (!meta) return null;
  return (
    <label className="year-picker">
      {t('common.year')}
      <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="year-picker">
        {meta.years
          .slice()
          .sort((a, b) => b - a)
          .map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
      </select>
    </label>
  );
}

export function App() {
  const { t, lang, setLang, date, label, p } = useI18n();
  const { user, meta, checked, logout, mustChangePassword } = useSession();
  const { path, query } = useRouter();
  if (!checked) return <div className="boot">{t('common.loading')}</div>;
  if (!user || !meta) return <LoginPage />;
  const keep = query.get('year') ? `?year=${query.get('year')}` : '';
  const province = user.province_code
    ? (meta.provinces.find((p) => p.code === user.province_code)?.name ?? user.province_code)
    : null;
  return (
    <div className="shell">
      <nav className="sidenav" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-mark" translate="no">
            示范
          </span>
          <span className="brand-sub">{t('app.title')}</span>
        </div>
        <ul>
          {NAV.filter((n) => !n.roles || n.roles.includes(user.role)).map((n) => {
            const active = n.match === '/' ? path === '/' || path === '/risk' : path.startsWith(n.match);
            return (
              <li key={n.path}>
                <Link to={n.path + keep} className={active ? 'active' : undefined}>
                  {t(n.key)}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="sidenav-foot">
          <div>
            {t('common.asof')}
            {p.colon}
            {date(meta.as_of)}
          </div>
          <FiguresStatus />
        </div>
      </nav>
      <div className="main">
        <header className="topbar">
          <YearPicker />
          <span className="spacer" />
          <span className="user" data-testid="user">
            <span translate="no">{user.username}</span> · {label('auth.role', user.role)}
            {province ? (
              <>
                {' · '}
                <span translate="no">{province}</span>
              </>
            ) : null}
          </span>
          <button
            type="button"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            data-testid="lang-toggle"
            // the toggle names the other language in its own words, and says so
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
          >
            {t('lang.toggle')}
          </button>
          <Link to="/password" className="button">
            {t('password.link')}
          </Link>
          <button type="button" onClick={() => void logout()}>
            {t('auth.logout')}
          </button>
        </header>
        {mustChangePassword && path !== '/password' && (
          <div className="banner banner-warn" role="status" data-testid="password-banner">
            {t('password.banner')} <Link to="/password">{t('password.link')}</Link>
          </div>
        )}
        {/* the path the shell rendered: tests that move between pages as links do wait for it (harness visit) */}
        <main className="content" data-path={path}>
          {/* keyed by the refresh: new figures remount the page, so every view fetches them without a button */}
          <Suspense
            key={meta.last_refresh ?? 'none'}
            fallback={<div className="state state-loading">{t('common.loading')}</div>}
          >
            {route(path, user.role)}
          </Suspense>
        </main>
      </div>
    </div>
  );
}
