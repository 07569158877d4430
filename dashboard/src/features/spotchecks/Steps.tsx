// The five steps of the public draw, with the current one marked: freeze → publish → seed → review → commit.
import { useI18n } from '../../i18n/index.tsx';

export const STEPS = ['freeze', 'publish', 'seed', 'review', 'commit'] as const;
export type Step = (typeof STEPS)[number];

export function Steps({ current, done = false }: { current: Step; done?: boolean }) {
  const { t } = useI18n();
  const at = STEPS.indexOf(current);
  return (
    <ol className="steps" data-testid="steps" data-step={current}>
      {STEPS.map((s, i) => (
        <li
          key={s}
          className={i < at || (done && i === at) ? 'done' : i === at ? 'current' : undefined}
          aria-current={i === at ? 'step' : undefined}
        >
          <span className="step-no">{i < at || (done && i === at) ? '✓' : i + 1}</span>
          {t(`spot.step.${s}`)}
        </li>
      ))}
    </ol>
  );
}
