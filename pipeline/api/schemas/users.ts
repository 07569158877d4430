// Schemas of /api/users/* (admin only), in TypeBox (see common.ts). Roles come from the vocabulary (auth.ts).
import { Type, type Static } from 'typebox';
import { Role, User } from './auth.ts';
import { errors, Nullable, NStr, Obj, Strict } from './common.ts';

const Username = Type.String({ pattern: '^[A-Za-z0-9_.-]{2,40}$' });
const Province = Type.String({ pattern: '^\\d{2}0000$', description: 'province code: 6 digits ending 0000' });
const ByName = Type.Object({ username: Username });
export const Ok = Obj({ ok: Type.Boolean() });
export type Ok = Static<typeof Ok>;

export const Account = Obj({
  ...User.properties,
  disabled: Type.Boolean(),
  created_at: Type.String(),
  last_login_at: NStr,
  sessions: Type.Integer(),
});
export type Account = Static<typeof Account>;

export const NewAccount = Obj({ user: User, password: Type.String() });
export type NewAccount = Static<typeof NewAccount>;
export const NewPassword = Obj({ username: Type.String(), password: Type.String() });
export type NewPassword = Static<typeof NewPassword>;

export const list = {
  tags: ['users'],
  summary: 'Every account with its role, province, state and live sessions (admin)',
  response: { 200: Type.Array(Account), ...errors },
};

export const AddUserBody = Strict({
  username: Username,
  role: Role,
  province_code: Type.Optional(Nullable(Province)),
});
export type AddUserBody = Static<typeof AddUserBody>;

export const add = {
  tags: ['users'],
  summary: 'Create an account; the generated password is returned once (admin)',
  body: AddUserBody,
  response: { 200: NewAccount, ...errors },
};

export const disable = {
  tags: ['users'],
  summary: 'Disable an account and end its sessions (admin)',
  params: ByName,
  response: { 200: Ok, ...errors },
};
export const enable = {
  tags: ['users'],
  summary: 'Enable a disabled account again (admin)',
  params: ByName,
  response: { 200: Ok, ...errors },
};
export const resetPassword = {
  tags: ['users'],
  summary:
    'Give an account a new generated password, returned once; its sessions end (admin). A password sent along is refused (400)',
  params: ByName,
  response: { 200: NewPassword, ...errors },
};
export const setProvince = {
  tags: ['users'],
  summary: 'Move a provincial account to another province; its sessions end (admin)',
  params: ByName,
  body: Strict({ province_code: Province }),
  response: { 200: Ok, ...errors },
};
