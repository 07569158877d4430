// Schemas of /api/users/* (admin only). Roles come from pipeline/users.
import { ROLES } from '../../users/index.ts';
import { bool, errors, int, nstr, obj, rows, str } from './common.ts';

const username = { type: 'string', pattern: '^[A-Za-z0-9_.-]{2,40}$' } as const;
const province = {
  type: 'string',
  pattern: '^\\d{2}0000$',
  description: 'province code: 6 digits ending 0000',
} as const;
const byName = { type: 'object', properties: { username }, required: ['username'] };
const account = { username: str, role: { type: 'string', enum: [...ROLES] }, province_code: nstr };

export const list = {
  tags: ['users'],
  summary: 'Every account with its role, province, state and live sessions (admin)',
  response: {
    200: rows({ ...account, disabled: bool, created_at: str, last_login_at: nstr, sessions: int }),
    ...errors,
  },
};

export const add = {
  tags: ['users'],
  summary: 'Create an account; the generated password is returned once (admin)',
  body: {
    type: 'object',
    required: ['username', 'role'],
    additionalProperties: false,
    properties: {
      username,
      role: { type: 'string', enum: [...ROLES] },
      province_code: { anyOf: [province, { type: 'null' }] },
    },
  },
  response: { 200: obj({ user: obj(account), password: str }), ...errors },
};

export const disable = {
  tags: ['users'],
  summary: 'Disable an account and end its sessions (admin)',
  params: byName,
  response: { 200: obj({ ok: bool }), ...errors },
};
export const enable = {
  tags: ['users'],
  summary: 'Enable a disabled account again (admin)',
  params: byName,
  response: { 200: obj({ ok: bool }), ...errors },
};
export const resetPassword = {
  tags: ['users'],
  summary:
    'Give an account a new generated password, returned once; its sessions end (admin). A password sent along is refused (400)',
  params: byName,
  response: { 200: obj({ username: str, password: str }), ...errors },
};
export const setProvince = {
  tags: ['users'],
  summary: 'Move a provincial account to another province; its sessions end (admin)',
  params: byName,
  body: {
    type: 'object',
    required: ['province_code'],
    additionalProperties: false,
    properties: { province_code: province },
  },
  response: { 200: obj({ ok: bool }), ...errors },
};
