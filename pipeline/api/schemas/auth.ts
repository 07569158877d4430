// Schemas of /api/auth/*.
import { errorBody, nstr, obj, str } from './common.ts';
import { ROLES } from '../../users/index.ts';

const user = obj({ username: str, role: { type: 'string', enum: [...ROLES] }, province_code: nstr }, [
  'username',
  'role',
  'province_code',
]);
export const session = obj({ user, csrf_token: str }, ['user', 'csrf_token']);

export const login = {
  tags: ['auth'],
  summary: 'Log in; sets the HttpOnly session cookie and returns the CSRF token',
  security: [],
  body: {
    type: 'object',
    properties: {
      username: { type: 'string', minLength: 1, maxLength: 80 },
      password: { type: 'string', minLength: 1, maxLength: 200 },
    },
    required: ['username', 'password'],
    additionalProperties: false,
  },
  response: { 200: session, 400: errorBody, 401: errorBody, 429: errorBody },
};
export const logout = {
  tags: ['auth'],
  summary: 'End the session (needs x-csrf-token)',
  response: { 200: obj({ ok: { type: 'boolean' } }), 401: errorBody, 403: errorBody },
};
export const me = {
  tags: ['auth'],
  summary: 'The logged-in user and the CSRF token, or 401',
  response: { 200: session, 401: errorBody },
};
