import type { ExportedIntervention, ExportedMaterialLine } from '@fieldstream/api-contract';
import { type Contract, serviceRequestReference } from '@fieldstream/domain';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { findInBatches } from '../read-models/find-in-batches';
import { type CandidateContract, coveringContract } from '../service-requests/queries/contract-coverage';
import { namesOf, recordsOf } from '../service-requests/queries/master-data-names';
import type { ClosureFacts } from './closure-facts';
import { localDayOf } from './export-period';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/**
 * Each closure as the back office reads it: the codes the events recorded, with master data's
 * names, units and prices as they are now, and the contract that covered the request when it was
 * opened (the same rule as the intervention sheet and the service levels).
 */
export async function exportedInterventions(
  reads: ReadStore,
  facts: readonly ClosureFacts[],
  timeZone: string,
): Promise<ExportedIntervention[]> {
  const materials = facts.flatMap((fact) => fact.closure.data.actuals.materials);
  const customerCodes = facts.map((fact) => fact.opened.customerCode);
  const [customers, sites, assets, units, technicians, items, warehouses, contracts] = await Promise.all([
    namesOf(reads, 'customer', customerCodes),
    recordsOf(
      reads,
      'site',
      facts.map((fact) => fact.opened.siteCode),
    ),
    recordsOf(
      reads,
      'asset',
      facts.map((fact) => fact.opened.assetCode),
    ),
    namesOf(
      reads,
      'unit',
      facts.map((fact) => fact.opened.unitCode),
    ),
    namesOf(
      reads,
      'technician',
      facts.flatMap((fact) => fact.technicianCodes),
    ),
    recordsOf(
      reads,
      'item',
      materials.map((line) => line.itemCode),
    ),
    recordsOf(
      reads,
      'warehouse',
      materials.map((line) => line.warehouseCode),
    ),
    customerCodes.length === 0
      ? Promise.resolve([])
      : findInBatches(
          reads.collection<MasterDataDocument>(masterDataCollection('contract')),
          'record.customerCode',
          customerCodes,
          {},
          { projection: { searchTerms: 0 } },
        ),
  ]);
  const candidates = contracts.map((contract): CandidateContract => ({
    code: contract.code,
    status: contract.status,
    record: contract.record as unknown as Contract,
  }));

  return facts.map((fact): ExportedIntervention => {
    const { closure, opened } = fact;
    const { actuals, estimate } = closure.data;
    const site = sites.get(opened.siteCode);
    const asset = opened.assetCode === undefined ? undefined : assets.get(opened.assetCode);
    const contract = coveringContract(candidates, {
      customerCode: opened.customerCode,
      siteCode: opened.siteCode,
      ...(opened.assetCode !== undefined && { assetCode: opened.assetCode }),
      day: localDayOf(opened.at, text(site?.record['timeZone']) ?? timeZone),
    });
    // One labour total is recorded on closing: it is one technician's only when one did the work.
    const alone = fact.technicianCodes.length === 1;
    return {
      position: closure.position,
      requestId: closure.data.requestId,
      reference: serviceRequestReference(closure.data.requestId),
      externalReference: opened.externalReference ?? null,
      closureSequence: fact.sequence,
      supersedes: fact.previous
        ? {
            position: fact.previous.position,
            closureSequence: fact.previous.closureSequence,
            closedAt: fact.previous.closedAt,
            reopenedAt: fact.previous.reopenedAt ?? null,
            reopenReason: fact.previous.reopenReason ?? null,
          }
        : null,
      customer: { code: opened.customerCode, name: customers.get(opened.customerCode) ?? null },
      site: { code: opened.siteCode, name: text(site?.record['name']) },
      asset:
        opened.assetCode === undefined
          ? null
          : {
              code: opened.assetCode,
              name: text(asset?.record['name']),
              modelCode: text(asset?.record['modelCode']),
            },
      contract: contract ? { code: contract.code, name: contract.record.name } : null,
      unit:
        opened.unitCode === undefined
          ? null
          : { code: opened.unitCode, name: units.get(opened.unitCode) ?? null },
      zoneCode: opened.zoneCode ?? null,
      priority: opened.priority,
      source: opened.source,
      openedAt: opened.at,
      closedAt: closure.data.at,
      closedOn: localDayOf(closure.data.at, timeZone),
      closedBy: {
        id: closure.metadata.actorId,
        name: String(closure.metadata['actorName'] ?? closure.metadata.actorId),
        role: closure.metadata.actorRole,
      },
      technicians: fact.technicianCodes.map((code) => ({
        code,
        name: technicians.get(code) ?? null,
        labourMinutes: alone ? actuals.labourMinutes : null,
      })),
      labourMinutes: actuals.labourMinutes,
      estimatedLabourMinutes: estimate.labourMinutes,
      travelMinutes: actuals.travelMinutes,
      travelKm: actuals.travelKm,
      materials: actuals.materials.map((line, index) => {
        const item = items.get(line.itemCode)?.record;
        const warehouse = warehouses.get(line.warehouseCode)?.record;
        const type = text(warehouse?.['type']);
        return {
          line: index + 1,
          itemCode: line.itemCode,
          itemName: text(item?.['name']),
          quantity: line.quantity,
          unitOfMeasure: text(item?.['unitOfMeasure']),
          unitPrice: number(item?.['unitPrice']),
          warehouse: {
            code: line.warehouseCode,
            name: text(warehouse?.['name']),
            type: type === 'van' || type === 'warehouse' ? type : null,
            technicianCode: text(warehouse?.['technicianCode']),
          },
        };
      }),
      correctiveActions: [...actuals.correctiveActions],
      resolution: actuals.resolution,
    };
  });
}

/** Every material line of the closures, each with its closure's keys: the stock movements. */
export function exportedMaterialLines(
  interventions: readonly ExportedIntervention[],
): ExportedMaterialLine[] {
  return interventions.flatMap((intervention) =>
    intervention.materials.map((material): ExportedMaterialLine => ({
      position: intervention.position,
      requestId: intervention.requestId,
      reference: intervention.reference,
      closureSequence: intervention.closureSequence,
      supersedesPosition: intervention.supersedes?.position ?? null,
      closedAt: intervention.closedAt,
      closedOn: intervention.closedOn,
      customerCode: intervention.customer.code,
      siteCode: intervention.site.code,
      contractCode: intervention.contract?.code ?? null,
      unitCode: intervention.unit?.code ?? null,
      line: material.line,
      itemCode: material.itemCode,
      itemName: material.itemName,
      quantity: material.quantity,
      unitOfMeasure: material.unitOfMeasure,
      unitPrice: material.unitPrice,
      warehouseCode: material.warehouse.code,
      warehouseName: material.warehouse.name,
      warehouseType: material.warehouse.type,
      vanTechnicianCode: material.warehouse.technicianCode,
    })),
  );
}
