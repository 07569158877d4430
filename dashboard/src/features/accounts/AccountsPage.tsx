// 账号: the admin's account screen. Add an account (role, province for a provincial office; the generated
// password is shown once), reset a password, disable or enable, move a provincial account to another province.
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useMeta, useSession } from '../../app/session.tsx';
import { api, type Account, type Role } from '../../api/index.ts';
import { useQuery } from '../../api/useQuery.ts';
import { Panel, QueryLoad } from '../../components/QueryLoad.tsx';
import { PageMessage, useErrorState, useMessageState } from '../../components/error-state.ts';
import { DataTable } from '../../components/DataTable.tsx';

const ROLES = ['central', 'provincial', 'admin'] as const;

function Secret({ text, password, testId }: { text: string; password: string; testId: string }) {
  return (
    <div className="secret" role="status" data-testid={testId}>
      <span>{text}</span> <code data-testid={`${testId}-value`}>{password}</code>
    </div>
  );
}

function ProvinceEditor({ account, onDone }: { account: Account; onDone(message: PageMessage): void }) {
  const { t } = useI18n();
  const meta = useMeta();
  const [code, setCode] = useState(account.province_code ?? '');
  const [error, setError] = useErrorState();
  const save = async () => {
    setError(null);
    try {
      await api.setProvince(account.username, code);
      onDone(
        new PageMessage('acct.provinceDone', {
          name: account.username,
          province: meta.provinces.find((p) => p.code === code)?.name ?? code,
        }),
      );
    } catch (e) {
      setError(e);
    }
  };
  return (
    <span className="actions">
      <select
        aria-label={t('acct.setProvince')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        data-testid={`province-${account.username}`}
      >
        {meta.provinces.map((p) => (
          <option key={p.code} value={p.code} translate="no">
            {p.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={code === account.province_code}
        onClick={() => void save()}
        data-testid={`province-save-${account.username}`}
      >
        {t('acct.save')}
      </button>
      {error && <span className="state-error">{error}</span>}
    </span>
  );
}

export default function AccountsPage() {
  const { t, label, date } = useI18n();
  const meta = useMeta();
  const { user } = useSession();
  const list = useQuery([], () => api.users());
  const [form, setForm] = useState<{ username: string; role: Role; province_code: string }>({
    username: '',
    role: 'central',
    province_code: '',
  });
  const [secret, setSecret] = useState<{ text: string; password: string; testId: string } | null>(null);
  const [message, setMessage] = useMessageState();
  const [error, setError] = useErrorState();
  const provinceName = (code: string | null) =>
    code ? (meta.provinces.find((p) => p.code === code)?.name ?? code) : '—';
  const act = async (fn: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    setSecret(null);
    try {
      await fn();
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  const create = () =>
    act(async () => {
      const r = await api.addUser({
        username: form.username.trim(),
        role: form.role,
        province_code: form.role === 'provincial' ? form.province_code : null,
      });
      setSecret({ text: t('acct.created', { name: r.user.username }), password: r.password, testId: 'new-password' });
      setForm({ username: '', role: form.role, province_code: form.province_code });
    });
  const valid =
    /^[A-Za-z0-9_.-]{2,40}$/.test(form.username.trim()) &&
    (form.role !== 'provincial' || /^\d{2}0000$/.test(form.province_code));

  return (
    <div className="page" data-page="accounts">
      <h1 className="page-title">{t('acct.title')}</h1>
      <Panel title={t('acct.add')} testId="account-form">
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) void create();
          }}
        >
          <label>
            {t('acct.username')}
            <input
              name="new-username"
              value={form.username}
              autoComplete="off"
              title={t('acct.usernameHelp')}
              onChange={(e) => setForm({ ...form, username: e.target.value })}
            />
          </label>
          <label>
            {t('acct.role')}
            <select
              name="new-role"
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {label('auth.role', r)}
                </option>
              ))}
            </select>
          </label>
          {form.role === 'provincial' && (
            <label>
              {t('acct.province')}
              <select
                name="new-province"
                value={form.province_code}
                onChange={(e) => setForm({ ...form, province_code: e.target.value })}
              >
                <option value="">{t('acct.pickProvince')}</option>
                {meta.provinces.map((p) => (
                  <option key={p.code} value={p.code} translate="no">
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="primary" disabled={!valid} data-testid="account-create">
            {t('acct.create')}
          </button>
          <span className="muted">{t('acct.usernameHelp')}</span>
        </form>
      </Panel>
      {secret && <Secret {...secret} />}
      {message && (
        <div className="banner banner-ok" role="status" data-testid="account-message">
          {message}
        </div>
      )}
      {error && (
        <div className="banner state-error" role="alert" data-testid="account-error">
          {error}
        </div>
      )}
      <QueryLoad title={t('acct.list')} query={list} testId="accounts-panel">
        {(rows) => (
          <DataTable<Account>
            name="accounts"
            testId="accounts"
            rows={rows}
            rowKey={(a) => a.username}
            initialSort={{ key: 'username' }}
            columns={[
              {
                key: 'username',
                label: t('acct.username'),
                render: (a) => (
                  <>
                    {a.username}
                    {a.username === user?.username ? <span className="muted"> {t('acct.self')}</span> : null}
                  </>
                ),
              },
              { key: 'role', label: t('acct.role'), value: (a) => label('auth.role', a.role) },
              {
                key: 'province_code',
                label: t('acct.province'),
                data: true,
                value: (a) => provinceName(a.province_code),
              },
              {
                key: 'disabled',
                label: t('acct.state'),
                value: (a) => (a.disabled ? t('acct.disabledState') : t('acct.enabled')),
                render: (a) => (
                  <span
                    className={`badge ${a.disabled ? 'badge-not_met' : 'badge-met'}`}
                    data-testid={`state-${a.username}`}
                  >
                    {a.disabled ? t('acct.disabledState') : t('acct.enabled')}
                  </span>
                ),
              },
              { key: 'created_at', label: t('acct.createdAt'), render: (a) => date(a.created_at, true) },
              { key: 'last_login_at', label: t('acct.lastLogin'), render: (a) => date(a.last_login_at, true) },
              { key: 'sessions', label: t('acct.sessions'), align: 'right' },
              {
                key: 'actions',
                label: t('acct.actions'),
                value: () => '',
                render: (a) => (
                  <span className="actions">
                    <button
                      type="button"
                      data-testid={`reset-${a.username}`}
                      onClick={() => {
                        if (!confirm(t('acct.confirmReset', { name: a.username }))) return;
                        void act(async () => {
                          const r = await api.resetPassword(a.username);
                          setSecret({
                            text: t('acct.resetDone', { name: a.username }),
                            password: r.password,
                            testId: 'reset-password',
                          });
                        });
                      }}
                    >
                      {t('acct.reset')}
                    </button>
                    {a.username !== user?.username &&
                      (a.disabled ? (
                        <button
                          type="button"
                          data-testid={`enable-${a.username}`}
                          onClick={() =>
                            void act(async () => {
                              await api.enableUser(a.username);
                            })
                          }
                        >
                          {t('acct.enable')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          data-testid={`disable-${a.username}`}
                          onClick={() => {
                            if (!confirm(t('acct.confirmDisable', { name: a.username }))) return;
                            void act(async () => {
                              await api.disableUser(a.username);
                            });
                          }}
                        >
                          {t('acct.disable')}
                        </button>
                      ))}
                    {a.role === 'provincial' && (
                      <ProvinceEditor
                        account={a}
                        onDone={(m) => {
                          setMessage(m);
                          list.reload();
                        }}
                      />
                    )}
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryLoad>
    </div>
  );
}
