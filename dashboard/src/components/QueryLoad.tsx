// One wrapper for a panel's loading, empty and error states, shown in place of the content under its title.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { errorText } from '../api/client.ts';
import type { Query } from '../api/useQuery.ts';

interface Props<T> {
  title?: ReactNode;
  query: Query<T>;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
  actions?: ReactNode;
  testId?: string;
  className?: string;
}

export function QueryLoad<T>({ title, query, isEmpty, children, actions, testId, className }: Props<T>) {
  const { t, p, lang } = useI18n();
  const empty =
    query.data !== undefined && (isEmpty ? isEmpty(query.data) : Array.isArray(query.data) && query.data.length === 0);
  return (
    <section
      className={`panel ${className ?? ''}`}
      data-testid={testId}
      data-state={query.loading ? 'loading' : query.error ? 'error' : empty ? 'empty' : 'ready'}
    >
      {title && (
        <header className="panel-head">
          <h2>{title}</h2>
          {actions}
        </header>
      )}
      {query.error ? (
        <div className="state state-error" role="alert">
          <strong>{t('common.error')}</strong>
          {p.colon}
          {errorText(query.error, lang)}
          <button type="button" onClick={query.reload}>
            {t('common.retry')}
          </button>
        </div>
      ) : query.data === undefined ? (
        <div className="state state-loading">{t('common.loading')}</div>
      ) : empty ? (
        <div className="state state-empty">{t('common.empty')}</div>
      ) : (
        children(query.data)
      )}
    </section>
  );
}

export function Panel({
  title,
  children,
  actions,
  testId,
  className,
}: {
  title?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId}>
      {title && (
        <header className="panel-head">
          <h2>{title}</h2>
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}
