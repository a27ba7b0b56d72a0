import { serviceRequestPaths, type ServiceRequestAction } from '@fieldstream/api-contract';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { instantOfLocalInput } from '../format/instant-of-local-input';
import type { CommandCall } from './command-call';
import type { FormCommand } from './command-fields';
import type { CommandValues } from './command-values';

const textOf = (values: CommandValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const listOf = (values: CommandValues, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value : [];
};

/** Members with a value only: an optional field left empty is not sent at all. */
const compact = (body: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));

const action = (requestId: string, name: ServiceRequestAction, body: Record<string, unknown> = {}) => ({
  method: 'POST' as const,
  path: apiPathOf(serviceRequestPaths.action(requestId, name)),
  body: compact(body),
});

/** The call a form command makes: its resource (from the wire contract's paths) and its body. */
export function commandCallOf(command: FormCommand, requestId: string, values: CommandValues): CommandCall {
  const text = (name: string) => textOf(values, name);
  switch (command) {
    case 'accept':
      return action(requestId, 'accept', { note: text('note') });
    case 'reject':
      return action(requestId, 'reject', { diagnosis: text('diagnosis') });
    case 'recordRemoteCheck':
      return action(requestId, 'remote-check', { resolution: text('resolution') });
    case 'suspend': {
      const until = text('until');
      return action(requestId, 'suspend', {
        reason: text('reason'),
        reasonCode: text('reasonCode'),
        until: until === undefined ? undefined : (instantOfLocalInput(until) ?? until),
      });
    }
    case 'resume':
      return action(requestId, 'resume');
    case 'cancel':
      return action(requestId, 'cancel', { reason: text('reason') });
    case 'reopen':
      return action(requestId, 'reopen', { reason: text('reason') });
    case 'attachCondition':
      return {
        method: 'POST',
        path: apiPathOf(serviceRequestPaths.conditions(requestId)),
        body: { conditionCode: text('conditionCode') },
      };
    case 'detachCondition':
      return {
        method: 'DELETE',
        path: apiPathOf(serviceRequestPaths.condition(requestId, text('conditionCode') ?? '')),
      };
    case 'unassign':
      return {
        method: 'DELETE',
        path: apiPathOf(serviceRequestPaths.assignment(requestId, text('technicianCode') ?? '')),
        body: compact({ reason: text('reason') }),
      };
    case 'addNote':
      return {
        method: 'POST',
        path: apiPathOf(serviceRequestPaths.notes(requestId)),
        body: { text: text('text') },
      };
    case 'openFollowUp':
      return {
        method: 'POST',
        path: apiPathOf(serviceRequestPaths.followUps(requestId)),
        body: compact({
          reason: text('reason'),
          description: text('description'),
          priority: text('priority'),
          conditionCodes: listOf(values, 'conditionCodes'),
        }),
      };
  }
}
