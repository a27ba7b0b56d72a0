import type { InterventionSheet } from '@fieldstream/api-contract';
import {
  type Asset,
  type AssetModel,
  type Condition,
  type Contract,
  PARAMETERS_CODE,
  type Parameters,
  type Site,
} from '@fieldstream/domain';
import {
  type MasterDataDocument,
  SERVICE_REQUESTS_COLLECTION,
  type ServiceRequestDocument,
  masterDataCollection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { type CandidateContract, coveringContract } from './contract-coverage';
import { recordOf, recordsOf } from './master-data-names';
import { loadRequestNames, toDetail, toIntervention } from './service-request-views';
import { addressLine } from './site-address';
import { DEFAULT_RENOUNCE_REASONS, DEFAULT_TIME_ZONE, type WordingLanguage } from './wording-vocabulary';

const PREVIOUS_INTERVENTIONS = 20;

/** `YYYY-MM-DD` of an instant in a zone (en-CA writes dates that way). */
function localDay(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/**
 * What a technician needs on site, gathered in one answer: the request, the catalogue's
 * instructions for its conditions, the contract it is served under (and its service level for the
 * request's priority), the site and how to reach it, the asset and its model, what was done there
 * before, the manuals, and the reasons they may give to renounce. The caller has checked that the
 * reader may see the request.
 */
export async function interventionSheetOf(
  reads: ReadStore,
  document: ServiceRequestDocument,
  language: WordingLanguage,
): Promise<InterventionSheet> {
  const [names, conditions, site, asset, contracts, parameters, previous] = await Promise.all([
    loadRequestNames(reads, [document]),
    recordsOf(reads, 'condition', document.conditionCodes),
    recordOf<Site>(reads, 'site', document.siteCode),
    document.assetCode ? recordOf<Asset>(reads, 'asset', document.assetCode) : Promise.resolve(null),
    reads
      .collection<MasterDataDocument>(masterDataCollection('contract'))
      .find({ 'record.customerCode': document.customerCode }, { limit: 1000 }),
    recordOf<Parameters>(reads, 'parameters', PARAMETERS_CODE),
    reads.collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION).find(
      {
        ...(document.assetCode ? { assetCode: document.assetCode } : { siteCode: document.siteCode }),
        _id: { $ne: document._id },
      },
      { sort: { openedAt: -1, _id: -1 }, limit: PREVIOUS_INTERVENTIONS, projection: { searchTerms: 0 } },
    ),
  ]);
  const model = asset ? await recordOf<AssetModel>(reads, 'asset-model', asset.record.modelCode) : null;
  const previousNames = await loadRequestNames(reads, previous);
  const it = language === 'it';

  const sheetConditions = document.conditionCodes.map((code) => {
    const condition = conditions.get(code)?.record as Condition | undefined;
    return {
      code,
      name: condition?.name ?? code,
      ...(condition?.description ? { description: condition.description } : {}),
      expectedMinutes: condition?.expectedMinutes ?? 0,
      requiredSkillCodes: [...(condition?.requiredSkillCodes ?? [])],
      materials: (condition?.materials ?? []).map((m) => ({ itemCode: m.itemCode, quantity: m.quantity })),
      tools: [...(condition?.tools ?? [])],
      correctiveActions: (condition?.correctiveActions ?? []).map((action) => ({
        title: action.title,
        steps: action.steps.map((step) => step.instruction),
        attachmentIds: [...action.attachmentIds],
      })),
    };
  });

  const attachments = new Map<string, { id: string; from: string }>();
  for (const condition of sheetConditions) {
    for (const action of condition.correctiveActions) {
      for (const id of action.attachmentIds) {
        if (!attachments.has(id))
          attachments.set(id, {
            id,
            from: `${it ? 'Condizione' : 'Condition'} ${condition.name} (${condition.code}): ${action.title}`,
          });
      }
    }
  }
  if (asset && model) {
    for (const id of model.record.documentIds ?? []) {
      if (!attachments.has(id))
        attachments.set(id, {
          id,
          from: `${it ? 'Modello' : 'Model'} ${model.record.name} (${asset.record.modelCode})`,
        });
    }
  }

  const timeZone = site?.record.timeZone ?? DEFAULT_TIME_ZONE;
  const contract = coveringContract(
    contracts.map(
      (c) =>
        ({
          code: c.code,
          status: c.status,
          record: c.record as unknown as Contract,
        }) satisfies CandidateContract,
    ),
    {
      customerCode: document.customerCode,
      siteCode: document.siteCode,
      ...(document.assetCode !== undefined && { assetCode: document.assetCode }),
      day: localDay(document.openedAt, timeZone),
    },
  );
  const serviceLevel = contract?.record.serviceLevels.find((level) => level.priority === document.priority);
  const address = addressLine(site?.record.address);

  return {
    request: toDetail(document, names),
    conditions: sheetConditions,
    ...(contract && {
      contract: {
        code: contract.code,
        name: contract.record.name,
        ...(serviceLevel && {
          serviceLevel: {
            priority: serviceLevel.priority,
            responseMinutes: serviceLevel.responseMinutes,
            restorationMinutes: serviceLevel.restorationMinutes,
          },
        }),
        includesLabour: contract.record.includesLabour,
        includesMaterials: contract.record.includesMaterials,
        validTo: contract.record.validTo,
        ...(contract.record.notes ? { notes: contract.record.notes } : {}),
      },
    }),
    site: {
      code: document.siteCode,
      ...(site && { name: site.record.name }),
      ...(address !== undefined && { address }),
      ...(site?.record.location && {
        latitude: site.record.location.lat,
        longitude: site.record.location.lon,
      }),
      ...(site?.record.accessNotes !== undefined && { accessNotes: site.record.accessNotes }),
      contacts: (site?.record.contacts ?? []).map((contact) => ({
        name: contact.name,
        ...(contact.phone !== undefined && { phone: contact.phone }),
      })),
    },
    ...(document.assetCode !== undefined && {
      asset: {
        code: document.assetCode,
        ...(asset?.record.name !== undefined && { name: asset.record.name }),
        modelCode: asset?.record.modelCode ?? '',
        ...(model && { modelName: model.record.name }),
        configuration: { ...(asset?.record.configuration ?? {}) },
      },
    }),
    previousInterventions: previous.map((request) => toIntervention(request, previousNames)),
    attachments: [...attachments.values()],
    renounceReasons: (parameters?.record.renounceReasons?.length
      ? parameters.record.renounceReasons
      : DEFAULT_RENOUNCE_REASONS[language]
    ).map((reason) => ({ code: reason.code, label: reason.label })),
  };
}
