import { useTranslation } from 'react-i18next';
import classes from './skip-link.module.css';

/** The first tab stop on every page: keyboard users jump past the header straight to the work. */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation('common');
  return (
    <a className={classes.skipLink} href={`#${targetId}`}>
      {t('skipToContent')}
    </a>
  );
}
