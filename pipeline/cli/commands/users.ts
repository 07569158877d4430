// `shifan users add NAME --role central|provincial|admin [--province 440000] [--password-stdin]`, `users list`,
// `users password NAME [--password-stdin]`, `users disable NAME`: the server's accounts. A generated password is printed once and never stored in clear.
import type { Command } from 'commander';
import { cliActor } from '../../audit/index.ts';
import { addUser, disableUser, listUsers, ROLES, setPassword } from '../../users/index.ts';
import { cliOut, optionsOf, printJson, readCliStdin, withDatabase } from '../context.ts';
import { formatTable } from '../table.ts';

/** A refused account change is a coded error (UserError): the CLI says it in its language and exits 2. */
function usage<T>(p: Promise<T>): Promise<T> {
  return p;
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('accounts of the server: add, list, password, disable');
  users
    .command('add <name>')
    .description('create an account; prints a generated password once unless --password-stdin is given')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--province <code>', 'province code (6 digits ending 0000) of a provincial account')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (name: string, _opts, cmd: Command) => {
      const opts = optionsOf<{ role: string; province?: string; passwordStdin?: boolean }>(cmd);
      const password = opts.passwordStdin ? await readCliStdin() : undefined;
      const added = await usage(
        withDatabase(cmd, (db) =>
          addUser(db, { username: name, role: opts.role, province_code: opts.province ?? null, password }, cliActor()),
        ),
      );
      if (opts.json) return printJson({ user: added.user, password: added.generated ? added.password : undefined });
      cliOut.write(
        `added ${added.user.username} (${added.user.role}${added.user.province_code ? `, province ${added.user.province_code}` : ''})\n`,
      );
      if (added.generated) cliOut.write(`password (shown once): ${added.password}\n`);
    });
  users
    .command('list')
    .description('every account with role, province, state and last login')
    .action(async (_opts, cmd: Command) => {
      const opts = optionsOf(cmd);
      const rows = await withDatabase(cmd, (db) => listUsers(db));
      if (opts.json) return printJson(rows);
      cliOut.write(
        `${formatTable(
          ['username', 'role', 'province', 'state', 'created', 'last login', 'sessions'],
          rows.map((r) => [
            r.username,
            r.role,
            r.province_code ?? '',
            r.disabled ? 'disabled' : 'active',
            r.created_at,
            r.last_login_at ?? '',
            r.sessions,
          ]),
        )}\n`,
      );
    });
  users
    .command('password <name>')
    .description(
      "reset a password (the policy of `users add` applies) and end the account's sessions; prints a generated one once unless --password-stdin is given",
    )
    .option('--password-stdin', 'read the new password from standard input')
    .action(async (name: string, _opts, cmd: Command) => {
      const opts = optionsOf<{ passwordStdin?: boolean }>(cmd);
      const password = opts.passwordStdin ? await readCliStdin() : undefined;
      const set = await usage(withDatabase(cmd, (db) => setPassword(db, name, password, cliActor())));
      if (opts.json) return printJson({ username: name, password: set.generated ? set.password : undefined });
      cliOut.write(`new password set for ${name}; its sessions were ended\n`);
      if (set.generated) cliOut.write(`password (shown once): ${set.password}\n`);
    });
  users
    .command('disable <name>')
    .description('disable an account and end its sessions (accounts are never deleted: audit entries name them)')
    .action(async (name: string, _opts, cmd: Command) => {
      const opts = optionsOf(cmd);
      await usage(withDatabase(cmd, (db) => disableUser(db, name, cliActor())));
      if (opts.json) return printJson({ disabled: name });
      cliOut.write(`disabled ${name}\n`);
    });
}
