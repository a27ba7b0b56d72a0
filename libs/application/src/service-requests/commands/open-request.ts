import {
  type Principal,
  type ServiceRequestContact,
  type ServiceRequestSource,
  isInScope,
  siteKind,
} from '@fieldstream/domain';
import { visibleScope } from '../../access/visible-scope';
import { nameBasedUuid } from '../../commands/stream-names';
import { type FieldIssue, FieldValidationError, ForbiddenError } from '../../errors';
import type { OpenServiceRequestInput, ServiceRequestCommandResult } from '../service-request-action';
import { activeRecord } from './active-record';
import { type CommandRun, commandResult } from './command-run';
import { requestParameters } from './organisation-parameters';
import { loadRequest, runOnRequest } from './request-stream';

/** The channel a request arrives through: people at the desk, the portal, a machine, a system. */
export function openingSource(
  actor: Principal,
  asked: ServiceRequestSource | undefined,
): ServiceRequestSource {
  switch (actor.role) {
    case 'customer':
      return 'portal';
    case 'device':
      return 'device';
    case 'integrator':
      return asked ?? 'external';
    default:
      return asked ?? 'desk';
  }
}

/**
 * The request's id. An external reference names one request for good, so the caller's retry (or a
 * second message about the same fault) finds it instead of opening another; an Idempotency-Key
 * does the same for one caller's retried call; otherwise a fresh id.
 */
export function openingRequestId(
  run: CommandRun,
  source: ServiceRequestSource,
  externalReference: string | undefined,
  scope = 'open',
): string {
  if (externalReference !== undefined) {
    return nameBasedUuid(`service-request:external:${source}:${externalReference}`);
  }
  const key = run.context.idempotencyKey;
  return key ? nameBasedUuid(`service-request:${scope}:${run.context.actor.id}:${key}`) : run.newId();
}

/** Whether the asker may open a request for this site (unknown and out of reach read the same). */
async function siteInReach(run: CommandRun, siteCode: string, site: Record<string, unknown>) {
  const actor = run.context.actor;
  switch (actor.role) {
    case 'customer':
      return site['customerCode'] === actor.customerCode;
    case 'dispatcher':
      return isInScope(actor, siteKind.scope(site as never, siteCode), await visibleScope(run.reads, actor));
    default:
      return true;
  }
}

const unknown = (field: string, kind: string, code: string): FieldIssue => ({
  field,
  code: 'unknown_reference',
  message: `There is no ${kind} ${code}`,
});

interface Routing {
  zoneCode?: string;
  unitCode?: string;
  contact: ServiceRequestContact;
}

/**
 * Checks every reference of an opening, naming each field at fault, and works out the routing:
 * the site's zone and that zone's unit (the service centre that will handle it).
 */
async function checkOpening(
  run: CommandRun,
  input: OpenServiceRequestInput,
  options: { checkReach: boolean },
): Promise<Routing> {
  const { masterData, context } = run;
  const actor = context.actor;
  if (actor.role === 'device') {
    if (input.assetCode === undefined) {
      throw new FieldValidationError('A device reports for an asset', [
        { field: 'assetCode', code: 'required', message: 'Required for a device' },
      ]);
    }
    if (!(actor.assetCodes ?? []).includes(input.assetCode)) {
      throw new ForbiddenError(`This device may not report for asset ${input.assetCode}`);
    }
  }
  const issues: FieldIssue[] = [];
  const customer = await activeRecord(masterData, 'customer', input.customerCode);
  const customerReached =
    !options.checkReach || actor.role !== 'customer' || actor.customerCode === input.customerCode;
  if (!customer || !customerReached) issues.push(unknown('customerCode', 'customer', input.customerCode));

  const site = await activeRecord(masterData, 'site', input.siteCode);
  let zoneCode: string | undefined;
  let unitCode: string | undefined;
  if (!site || (options.checkReach && !(await siteInReach(run, input.siteCode, site)))) {
    issues.push(unknown('siteCode', 'site', input.siteCode));
  } else {
    if (site['customerCode'] !== input.customerCode) {
      issues.push({
        field: 'siteCode',
        code: 'site_of_other_customer',
        message: `Site ${input.siteCode} does not belong to customer ${input.customerCode}`,
      });
    }
    if (typeof site['zoneCode'] === 'string') {
      zoneCode = site['zoneCode'];
      const zone = await activeRecord(masterData, 'zone', zoneCode);
      if (typeof zone?.['unitCode'] === 'string') unitCode = zone['unitCode'];
    }
  }

  if (input.assetCode !== undefined) {
    const asset = await activeRecord(masterData, 'asset', input.assetCode);
    if (!asset) issues.push(unknown('assetCode', 'asset', input.assetCode));
    else if (asset['siteCode'] !== input.siteCode) {
      issues.push({
        field: 'assetCode',
        code: 'asset_elsewhere',
        message: `Asset ${input.assetCode} is not at site ${input.siteCode}`,
      });
    }
  }

  for (const [index, conditionCode] of input.conditionCodes.entries()) {
    if (!(await activeRecord(masterData, 'condition', conditionCode))) {
      issues.push(unknown(`conditionCodes.${index}`, 'condition', conditionCode));
    }
  }
  if (issues.length > 0) {
    throw new FieldValidationError('The request has invalid fields; see errors', issues);
  }
  const contacts = Array.isArray(site?.['contacts']) ? (site['contacts'] as ServiceRequestContact[]) : [];
  const siteContact = contacts[0];
  const contact: ServiceRequestContact =
    input.contact ??
    (siteContact
      ? {
          name: siteContact.name,
          ...(siteContact.phone ? { phone: siteContact.phone } : {}),
          ...(siteContact.email ? { email: siteContact.email } : {}),
        }
      : { name: actor.displayName });
  return { ...(zoneCode ? { zoneCode } : {}), ...(unitCode ? { unitCode } : {}), contact };
}

/**
 * An external reference found already in use answers the request it opened, but only to a caller
 * asking about the same customer and site: another customer reusing a reference by chance must
 * neither learn that request's id nor believe theirs was opened.
 */
async function checkSameRequest(
  run: CommandRun,
  requestId: string,
  input: OpenServiceRequestInput,
): Promise<void> {
  const { opened } = await loadRequest(run.events, requestId);
  if (opened.customerCode !== input.customerCode || opened.siteCode !== input.siteCode) {
    throw new FieldValidationError('This external reference already names another request', [
      {
        field: 'externalReference',
        code: 'external_reference_in_use',
        message: `${input.externalReference} already names a request for another customer or site`,
      },
    ]);
  }
}

export interface OpeningOptions {
  source: ServiceRequestSource;
  requestId: string;
  followUpOf?: string;
  /** Off for a follow-up: the asker's reach was judged on the request it follows. */
  checkReach: boolean;
}

/** Opens a request; a retry (same external reference, same Idempotency-Key) finds the first one. */
export async function openRequest(
  run: CommandRun,
  input: OpenServiceRequestInput,
  options: OpeningOptions,
): Promise<ServiceRequestCommandResult> {
  const routing = await checkOpening(run, input, options);
  const parameters = await requestParameters(run.masterData);
  const outcome = await runOnRequest(run, options.requestId, {
    type: 'open',
    requestId: options.requestId,
    at: run.context.at,
    source: options.source,
    customerCode: input.customerCode,
    siteCode: input.siteCode,
    ...(input.assetCode !== undefined ? { assetCode: input.assetCode } : {}),
    description: input.description,
    priority: input.priority,
    conditionCodes: input.conditionCodes,
    contact: routing.contact,
    ...(input.externalReference !== undefined ? { externalReference: input.externalReference } : {}),
    ...(routing.zoneCode ? { zoneCode: routing.zoneCode } : {}),
    ...(routing.unitCode ? { unitCode: routing.unitCode } : {}),
    ...(options.followUpOf ? { followUpOf: options.followUpOf } : {}),
    explicitAcceptance: parameters.explicitAcceptance,
  });
  const created = outcome.events.length > 0 && !outcome.replayed;
  if (!created && input.externalReference !== undefined) {
    await checkSameRequest(run, options.requestId, input);
  }
  return commandResult(run, options.requestId, outcome.version, { created });
}
