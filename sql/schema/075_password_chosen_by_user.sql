-- @produces: users.must_change_password: the account's password was set by someone else (generated when an admin
-- created the account or reset it, or printed at the first start), so its owner is asked to choose their own at the
-- next login; cleared when the owner changes it (pipeline/users/index.ts changeOwnPassword). Accounts of before
-- keep false: their passwords may already be their owners' own.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN DEFAULT false;
