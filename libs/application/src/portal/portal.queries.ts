import type {
  PortalAssetDetail,
  PortalAssets,
  PortalConditions,
  PortalContracts,
  PortalRequestDetail,
  PortalRequestList,
  portalRequestListQuerySchema,
} from '@fieldstream/api-contract';
import type { AttachmentStore } from '@fieldstream/attachment-store';
import type { AssetModel, Calendar, Contract, Principal, Site } from '@fieldstream/domain';
import {
  type MasterDataDocument,
  SERVICE_REQUESTS_COLLECTION,
  SERVICE_REQUEST_TIMELINE_COLLECTION,
  type ServiceRequestDocument,
  type ServiceRequestTimelineDocument,
  masterDataCollection,
} from '@fieldstream/projections';
import type { Filter, ReadStore } from '@fieldstream/read-store';
import type { z } from 'zod';
import { namesOf, recordOf, recordsOf } from '../service-requests/queries/master-data-names';
import { addressLine } from '../service-requests/queries/site-address';
import { techniciansNamedIn } from '../service-requests/queries/timeline-wording';
import { DEFAULT_TIME_ZONE } from '../service-requests/queries/wording-vocabulary';
import { type CatalogueCondition, conditionsForModel } from './asset-conditions';
import { portalCustomerOf } from './portal-customer';
import { toPortalContract } from './portal-contract-view';
import { customerAsset, customerRequest } from './portal-reach';
import {
  type PortalNames,
  toPortalDetail,
  toPortalHistoryEntry,
  toPortalSummary,
} from './portal-request-views';
import { FINISHED_STATUSES } from './portal-stage';
import { portalStepsOf } from './portal-steps';
import { photosOf } from './request-photos';

export type PortalRequestListQuery = z.output<typeof portalRequestListQuerySchema>;

export interface PortalQueriesOptions {
  reads: ReadStore;
  attachments: AttachmentStore;
}

/** More than a customer's machine ever sees; a bound so one read never loads a runaway history. */
const HISTORY_LIMIT = 200;
const TIMELINE_LIMIT = 10_000;
/** A customer's whole book in one answer: sites, machines, contracts, and their recent requests. */
const BOOK_LIMIT = 5_000;
const CONDITION_LIMIT = 5_000;

const FINISHED = [...FINISHED_STATUSES];

/**
 * The customer portal's read side. Every answer is the signed-in customer's own: requests, sites,
 * machines and contracts of another customer answer exactly as missing ones. Answers are built
 * from the desk's read models into the portal's own shapes (see `toPortalSummary`), so a field
 * added to the desk's documents does not reach customers by accident.
 */
export class PortalQueries {
  constructor(private readonly options: PortalQueriesOptions) {}

  private get reads(): ReadStore {
    return this.options.reads;
  }

  private requests() {
    return this.reads.collection<ServiceRequestDocument>(SERVICE_REQUESTS_COLLECTION);
  }

  private masterData(kind: 'site' | 'asset' | 'contract' | 'condition') {
    return this.reads.collection<MasterDataDocument>(masterDataCollection(kind));
  }

  /** Open requests, newest first; or past ones, most recently finished first. */
  async listRequests(principal: Principal, query: PortalRequestListQuery): Promise<PortalRequestList> {
    const customerCode = portalCustomerOf(principal);
    const where: Filter = {
      customerCode,
      status: query.state === 'open' ? { $nin: FINISHED } : { $in: FINISHED },
    };
    const [documents, total] = await Promise.all([
      this.requests().find(where, {
        sort: query.state === 'open' ? { openedAt: -1, _id: -1 } : { updatedAt: -1, _id: -1 },
        skip: query.offset,
        limit: query.limit,
        projection: { searchTerms: 0 },
      }),
      this.requests().count(where),
    ]);
    const names = await this.namesFor(documents);
    return {
      items: documents.map((document) => toPortalSummary(document, names)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async request(principal: Principal, requestId: string): Promise<PortalRequestDetail> {
    const document = await customerRequest(this.reads, portalCustomerOf(principal), requestId);
    const entries = await this.reads
      .collection<ServiceRequestTimelineDocument>(SERVICE_REQUEST_TIMELINE_COLLECTION)
      .find({ requestId }, { sort: { revision: 1 }, limit: TIMELINE_LIMIT });
    const opened = entries.find((entry) => entry.type === 'ServiceRequestOpened');
    const reported = Array.isArray(opened?.data['conditionCodes'])
      ? opened.data['conditionCodes'].filter((code): code is string => typeof code === 'string')
      : [];
    const [names, conditions, photos] = await Promise.all([
      this.namesFor(
        [document],
        entries.flatMap((entry) => techniciansNamedIn(entry)),
      ),
      namesOf(this.reads, 'condition', reported),
      photosOf(this.options.attachments, requestId),
    ]);
    return toPortalDetail(document, names, {
      steps: portalStepsOf(entries, names.technicians),
      reportedConditions: reported.map((code) => ({ code, name: conditions.get(code) ?? code })),
      photos,
    });
  }

  /** The customer's active sites, each with its active machines, how many requests are open on each and the last visit. */
  async assets(principal: Principal): Promise<PortalAssets> {
    const customerCode = portalCustomerOf(principal);
    const active = { 'record.customerCode': customerCode, status: 'active' };
    const [sites, assets, requests] = await Promise.all([
      this.masterData('site').find(active, {
        sort: { _id: 1 },
        limit: BOOK_LIMIT,
        projection: { searchTerms: 0 },
      }),
      this.masterData('asset').find(active, {
        sort: { _id: 1 },
        limit: BOOK_LIMIT,
        projection: { searchTerms: 0 },
      }),
      this.requests().find(
        { customerCode, assetCode: { $exists: true } },
        {
          sort: { openedAt: -1, _id: -1 },
          limit: BOOK_LIMIT,
          projection: { assetCode: 1, status: 1, closedAt: 1, assignments: 1 },
        },
      ),
    ]);
    const models = await namesOf(
      this.reads,
      'asset-model',
      assets.map((asset) => String(asset.record['modelCode'])),
    );
    const open = new Map<string, number>();
    const lastVisit = new Map<string, string>();
    for (const request of requests) {
      const code = request.assetCode!;
      if (!FINISHED_STATUSES.has(request.status)) open.set(code, (open.get(code) ?? 0) + 1);
      for (const assignment of request.assignments ?? []) {
        const visited = assignment.startedAt;
        if (visited !== undefined && visited > (lastVisit.get(code) ?? '')) lastVisit.set(code, visited);
      }
    }
    return {
      sites: sites.map((site) => {
        const record = site.record as unknown as Site;
        const address = addressLine(record.address);
        return {
          code: site._id,
          name: record.name,
          ...(address !== undefined && { address }),
          timeZone: record.timeZone ?? DEFAULT_TIME_ZONE,
          assets: assets
            .filter((asset) => asset.record['siteCode'] === site._id)
            .map((asset) => {
              const modelCode = String(asset.record['modelCode']);
              const name = asset.record['name'];
              const modelName = models.get(modelCode);
              const visited = lastVisit.get(asset._id);
              return {
                code: asset._id,
                ...(typeof name === 'string' && { name }),
                modelCode,
                ...(modelName !== undefined && { modelName }),
                siteCode: site._id,
                openRequests: open.get(asset._id) ?? 0,
                ...(visited !== undefined && { lastVisitAt: visited }),
              };
            }),
        };
      }),
    };
  }

  /** One machine of the customer's with its service history, newest first. */
  async asset(principal: Principal, assetCode: string): Promise<PortalAssetDetail> {
    const customerCode = portalCustomerOf(principal);
    const asset = await customerAsset(this.reads, customerCode, assetCode);
    const siteCode = String(asset.record['siteCode']);
    const modelCode = String(asset.record['modelCode']);
    const [site, model, documents] = await Promise.all([
      recordOf<Site>(this.reads, 'site', siteCode),
      recordOf<AssetModel>(this.reads, 'asset-model', modelCode),
      this.requests().find(
        { customerCode, assetCode },
        { sort: { openedAt: -1, _id: -1 }, limit: HISTORY_LIMIT, projection: { searchTerms: 0 } },
      ),
    ]);
    const names = await this.namesFor(documents);
    const history = documents.map((document) => toPortalHistoryEntry(document, names));
    const name = asset.record['name'];
    const installedOn = asset.record['installedOn'];
    const lastVisitAt = history
      .flatMap((entry) => entry.visits.flatMap((visit) => (visit.arrivedAt ? [visit.arrivedAt] : [])))
      .sort()
      .at(-1);
    const address = addressLine(site?.record.address);
    return {
      asset: {
        code: asset._id,
        ...(typeof name === 'string' && { name }),
        modelCode,
        ...(model && { modelName: model.record.name }),
        siteCode,
        openRequests: history.filter((entry) => !FINISHED_STATUSES.has(entry.status)).length,
        ...(lastVisitAt !== undefined && { lastVisitAt }),
        ...(typeof installedOn === 'string' && { installedOn }),
      },
      site: {
        code: siteCode,
        name: site?.record.name ?? siteCode,
        ...(address !== undefined && { address }),
        timeZone: site?.record.timeZone ?? DEFAULT_TIME_ZONE,
      },
      history,
    };
  }

  /** What the customer may report for this machine: its model's conditions, by name. */
  async assetConditions(principal: Principal, assetCode: string): Promise<PortalConditions> {
    const asset = await customerAsset(this.reads, portalCustomerOf(principal), assetCode);
    return {
      conditions: (await this.conditionsOf(asset)).map(({ code, record }) => ({
        code,
        name: record.name,
        ...(record.description !== undefined && { description: record.description }),
      })),
    };
  }

  /** The catalogue's active conditions that apply to the asset's model. */
  async conditionsOf(asset: MasterDataDocument): Promise<CatalogueCondition[]> {
    const modelCode = String(asset.record['modelCode']);
    const [model, conditions] = await Promise.all([
      recordOf<AssetModel>(this.reads, 'asset-model', modelCode),
      this.masterData('condition').find(
        { status: 'active' },
        {
          limit: CONDITION_LIMIT,
          projection: {
            _id: 1,
            'record.name': 1,
            'record.description': 1,
            'record.modelCodes': 1,
            'record.family': 1,
          },
        },
      ),
    ]);
    return conditionsForModel(
      conditions.map((condition) => ({
        code: condition._id,
        record: condition.record as unknown as CatalogueCondition['record'],
      })),
      { code: modelCode, ...(model?.record.family !== undefined && { family: model.record.family }) },
    );
  }

  /** The customer's contracts (retired ones left out), in force first, each in customer words. */
  async contracts(principal: Principal, today: string): Promise<PortalContracts> {
    const customerCode = portalCustomerOf(principal);
    const documents = await this.masterData('contract').find(
      { 'record.customerCode': customerCode, status: 'active' },
      { sort: { _id: 1 }, limit: BOOK_LIMIT, projection: { searchTerms: 0 } },
    );
    const contracts = documents.map((document) => ({
      code: document._id,
      record: document.record as unknown as Contract,
    }));
    const [calendars, sites, assets] = await Promise.all([
      recordsOf(
        this.reads,
        'calendar',
        contracts.map((c) => c.record.serviceCalendarCode),
      ),
      namesOf(
        this.reads,
        'site',
        contracts.flatMap((c) => c.record.siteCodes ?? []),
      ),
      namesOf(
        this.reads,
        'asset',
        contracts.flatMap((c) => c.record.assetCodes ?? []),
      ),
    ]);
    const order = { 'in-force': 0, 'not-yet': 1, expired: 2 } as const;
    return {
      contracts: contracts
        .map(({ code, record }) =>
          toPortalContract(
            code,
            record,
            calendars.get(record.serviceCalendarCode)?.record as unknown as Calendar | undefined,
            { sites, assets },
            today,
          ),
        )
        .sort((a, b) => order[a.standing] - order[b.standing] || b.validTo.localeCompare(a.validTo)),
    };
  }

  /** Sites', machines' and technicians' names for a page of the customer's requests. */
  private async namesFor(
    documents: readonly ServiceRequestDocument[],
    moreTechnicians: readonly string[] = [],
  ): Promise<PortalNames> {
    const [sites, assets, technicians] = await Promise.all([
      namesOf(
        this.reads,
        'site',
        documents.map((d) => d.siteCode),
      ),
      namesOf(
        this.reads,
        'asset',
        documents.map((d) => d.assetCode),
      ),
      namesOf(this.reads, 'technician', [
        ...documents.flatMap((d) => d.assignments.map((a) => a.technicianCode)),
        ...moreTechnicians,
      ]),
    ]);
    return { sites, assets, technicians };
  }
}
