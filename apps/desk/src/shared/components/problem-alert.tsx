import { Alert, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblemError } from '../api/api-problem-error';
import { InvalidResponseError } from '../api/invalid-response-error';
import { NetworkError } from '../api/network-error';

export interface ProblemText {
  title: string;
  body: string;
}

/**
 * What a screen wants to say for particular statuses (e.g. 401 on the login page). `notFound` is
 * said for a 404 about a record only (see `isMissingResource`), so a screen can name the record.
 */
export type ProblemOverrides = Partial<Record<number | 'notFound', ProblemText>>;

const NOT_AVAILABLE_STATUSES = new Set([404, 405, 501]);

/**
 * A 404 that names what was not found (the API's `resource`, or the `not_found` code of the
 * application and the domain) is about a record: it is gone, or out of the viewer's scope. Any
 * other 404 (no such route on this server) still means the function is not offered yet.
 */
function isMissingResource(error: ApiProblemError): boolean {
  if (error.status !== 404) return false;
  const body = error.body as { resource?: unknown; code?: unknown } | null | undefined;
  return (typeof body?.resource === 'object' && body.resource !== null) || body?.code === 'not_found';
}

function describe(error: unknown, overrides: ProblemOverrides, t: (key: string) => string): ProblemText {
  if (error instanceof NetworkError) {
    return { title: t('problem.network.title'), body: t('problem.network.body') };
  }
  if (error instanceof InvalidResponseError) {
    return { title: t('problem.invalidResponse.title'), body: t('problem.invalidResponse.body') };
  }
  if (error instanceof ApiProblemError) {
    const override = overrides[error.status];
    if (override) return override;
    if (isMissingResource(error)) {
      return overrides.notFound ?? { title: t('problem.notFound.title'), body: t('problem.notFound.body') };
    }
    if (NOT_AVAILABLE_STATUSES.has(error.status)) {
      return { title: t('problem.notAvailable.title'), body: t('problem.notAvailable.body') };
    }
  }
  return { title: t('problem.server.title'), body: t('problem.server.body') };
}

/**
 * Says what went wrong in the user's language, then what the server said verbatim (status, title,
 * detail), so support can match it with the logs. Takes focus when it appears so screen-reader and
 * keyboard users land on it.
 */
export function ProblemAlert({ error, overrides = {} }: { error: unknown; overrides?: ProblemOverrides }) {
  const { t } = useTranslation('common');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [error]);
  const text = describe(error, overrides, t);
  const kind =
    error instanceof NetworkError ? 'network' : error instanceof ApiProblemError ? 'server' : 'other';
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="alert"
      color={kind === 'network' ? 'orange' : 'red'}
      variant="light"
      title={text.title}
      data-problem-kind={kind}
      data-status={error instanceof ApiProblemError ? error.status : undefined}
    >
      <Text size="sm">{text.body}</Text>
      {error instanceof ApiProblemError && (
        <Text size="xs" mt={6} c="dimmed">
          {t('problem.status', { status: error.status, title: error.title })}
          {error.detail ? ` — ${error.detail}` : ''}
          {error.instance ? ` · ${t('problem.reference', { reference: error.instance })}` : ''}
        </Text>
      )}
    </Alert>
  );
}
