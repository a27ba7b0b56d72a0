import {
  type CommandContext,
  type ServiceRequestCommands,
  nameBasedUuid,
  userIdOf,
} from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import type { DemoActor, DemoRequestPlan } from './demo-service-requests';
import type { DemoDocument } from './generate-demo-data';

export interface DemoRequestsOutcome {
  opened: number;
  steps: number;
  /** Steps refused by the rules (none expected); the first few reasons, for the report. */
  refused: number;
  refusals: string[];
}

/** Requests played in parallel: independent streams, so only the store's writer limits them. */
const PARALLEL = 8;

/**
 * Plays the demo stories through the same application service the API uses, each step acting as
 * the person who would have done it, at the time it would have happened. Every command carries
 * an Idempotency-Key derived from the story and step, so seeding again changes nothing.
 */
export async function playDemoRequests(
  commands: ServiceRequestCommands,
  document: DemoDocument,
  plans: readonly DemoRequestPlan[],
  onProgress: (done: number, total: number) => void,
): Promise<DemoRequestsOutcome> {
  const principalOf = principals(document);
  const outcome: DemoRequestsOutcome = { opened: 0, steps: 0, refused: 0, refusals: [] };
  let next = 0;
  let done = 0;
  const context = (actor: DemoActor, at: string, key: string): CommandContext => ({
    actor: principalOf(actor),
    at,
    correlationId: nameBasedUuid(`demo-request-correlation:${key}`),
    idempotencyKey: key,
    extra: { client: 'seed' },
  });
  const play = async (plan: DemoRequestPlan) => {
    const key = `demo-${plan.index}`;
    const opened = await commands.open(context(plan.actor, plan.openedAt, `${key}-open`), plan.input);
    if (opened.created) outcome.opened++;
    for (const [index, step] of plan.steps.entries()) {
      try {
        await commands.execute(
          context(step.actor, step.at, `${key}-${index}`),
          opened.requestId,
          step.action,
        );
        outcome.steps++;
      } catch (error) {
        // A story that cannot go on (a rule refused a step) stops where it is; the rest still play.
        outcome.refused++;
        if (outcome.refusals.length < 5)
          outcome.refusals.push(`${key} ${step.action.type}: ${(error as Error).message}`);
        break;
      }
    }
  };
  const worker = async () => {
    while (next < plans.length) {
      const plan = plans[next++]!;
      await play(plan);
      onProgress(++done, plans.length);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return outcome;
}

/** The people behind the demo steps: the demo users where one exists, named stand-ins elsewhere. */
function principals(document: DemoDocument): (actor: DemoActor) => Principal {
  const unitNames = new Map(
    (document['units'] ?? []).map((unit) => [String(unit['code']), String(unit['name'])]),
  );
  const technicianNames = new Map(
    (document['technicians'] ?? []).map((technician) => [
      String(technician['code']),
      String(technician['name']),
    ]),
  );
  const customerNames = new Map(
    (document['customers'] ?? []).map((customer) => [String(customer['code']), String(customer['name'])]),
  );
  return (actor) => {
    switch (actor.kind) {
      case 'desk':
        // Milano's desk is the demo dispatcher; the other centres' desks act with head-office reach.
        return actor.unitCode === 'MI'
          ? {
              id: userIdOf('dispatcher.milano'),
              displayName: 'Dispatcher Milano',
              kind: 'user',
              role: 'dispatcher',
              unitCode: 'MI',
            }
          : {
              id: nameBasedUuid(`demo-desk:${actor.unitCode}`),
              displayName: `Sala operativa ${unitNames.get(actor.unitCode) ?? actor.unitCode}`,
              kind: 'user',
              role: 'dispatcher',
              unitCode: 'HQ',
            };
      case 'portal':
        return {
          id:
            actor.customerCode === 'ACME'
              ? userIdOf('cliente.acme')
              : nameBasedUuid(`demo-portal:${actor.customerCode}`),
          displayName: `${customerNames.get(actor.customerCode) ?? actor.customerCode} (portale)`,
          kind: 'user',
          role: 'customer',
          customerCode: actor.customerCode,
        };
      case 'technician':
        return {
          id:
            actor.technicianCode === 'T001'
              ? userIdOf('tecnico.rossi')
              : nameBasedUuid(`demo-technician:${actor.technicianCode}`),
          displayName: technicianNames.get(actor.technicianCode) ?? actor.technicianCode,
          kind: 'user',
          role: 'technician',
          technicianCode: actor.technicianCode,
        };
    }
  };
}
