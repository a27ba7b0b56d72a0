import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { fieldErrorsByPath } from '../../../shared/api/field-errors-by-path';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { isVersionConflict } from '../commands/is-version-conflict';
import { scheduleConflictOf } from '../commands/schedule-conflict-of';

/**
 * What went wrong with a command, said at the top of its dialog in words the dispatcher can act
 * on: the request changed meanwhile (reloaded), the rules refused it (the server's words), the role
 * may not, or fields are invalid (those the form cannot place beside a field are listed here).
 * Anything else is the desk's usual problem alert. A schedule conflict has its own notice.
 */
export function CommandProblemAlert({
  error,
  placed,
}: {
  error: Error | null;
  /** Whether the form shows the error of this body path beside a field. */
  placed: (path: string) => boolean;
}) {
  const { t } = useTranslation('serviceRequests');
  if (!error || scheduleConflictOf(error)) return null;
  if (isVersionConflict(error)) {
    return (
      <Alert color="orange" role="alert" title={t('conflict.versionTitle')} data-testid="version-conflict">
        {t('conflict.version')}
      </Alert>
    );
  }
  if (!(error instanceof ApiProblemError)) return <ProblemAlert error={error} />;
  if (error.status === 400) {
    const unplaced = Object.entries(fieldErrorsByPath(error)).filter(([path]) => !placed(path));
    return (
      <Alert color="red" role="alert" title={t('form.invalidTitle')}>
        {t('form.invalidBody')}
        {(unplaced.length > 0 || (error.fieldProblems.length === 0 && error.detail)) && (
          <List size="sm" mt="xs">
            {unplaced.map(([path, message]) => (
              <List.Item key={path}>{`${path}: ${message}`}</List.Item>
            ))}
            {error.fieldProblems.length === 0 && error.detail && <List.Item>{error.detail}</List.Item>}
          </List>
        )}
      </Alert>
    );
  }
  if (error.status === 403) {
    return (
      <Alert color="red" role="alert" title={t('conflict.forbiddenTitle')}>
        {t('conflict.forbidden')}
      </Alert>
    );
  }
  if (error.status === 409 || error.status === 422) {
    return (
      <Alert color="orange" role="alert" title={t('conflict.refusedTitle')} data-testid="command-refused">
        <Text size="sm">{error.detail ?? error.title}</Text>
        {error.status === 409 && (
          <Text size="sm" mt={4}>
            {t('conflict.reloaded')}
          </Text>
        )}
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}
