// A file chooser worded in the page's language. The browser's own file input names its button and its "no file"
// text in the browser's language (Chromium says "Choose File" under a Chinese page); here the input stays in the
// page, reachable by keyboard and by tests, but out of sight, and a label in the dashboard's words opens it.
import { useState } from 'react';
import { useI18n } from '../i18n/index.tsx';

export function FilePicker(props: { accept: string; testId: string; onChoose(file: File | null): void }) {
  const { t } = useI18n();
  const [name, setName] = useState<string | null>(null);
  return (
    <label className="file-picker">
      <input
        type="file"
        className="sr-only"
        accept={props.accept}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0] ?? null;
          setName(file?.name ?? null);
          props.onChoose(file);
        }}
      />
      <span className="button">{t('file.choose')}</span>
      {name === null ? (
        <span className="muted">{t('file.none')}</span>
      ) : (
        <span className="file-name" translate="no">
          {name}
        </span>
      )}
    </label>
  );
}
