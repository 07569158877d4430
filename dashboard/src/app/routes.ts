// Every page's path pattern, in one list without React: the shell (App.tsx) maps each to its page, and the browser
// tests walk the list (tests/browser/language-scan.test.ts), so a new page is scanned without anyone listing it.
import type { Role } from '../api/index.ts';

export const ROUTES = [
  '/',
  '/risk',
  '/overview',
  '/indicators',
  '/regions',
  '/regions/:code',
  '/spotchecks',
  '/spotchecks/:id',
  '/watchlist',
  '/watchlist/:id',
  '/naming',
  '/data',
  '/upload',
  '/inspectors',
  '/accounts',
  '/password',
] as const;

export type RoutePattern = (typeof ROUTES)[number];

/** Pages shown only to some roles (the server checks the role again on every route); others are for everyone. */
export const ROUTE_ROLES: Partial<Record<RoutePattern, Role[]>> = {
  '/inspectors': ['central', 'admin'],
  '/accounts': ['admin'],
};
