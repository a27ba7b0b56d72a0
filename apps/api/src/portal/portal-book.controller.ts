import type {
  PortalAssetDetail,
  PortalAssets,
  PortalConditions,
  PortalContracts,
} from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { GetPortalAssetQuery } from './queries/get-portal-asset.query';
import { ListPortalAssetConditionsQuery } from './queries/list-portal-asset-conditions.query';
import { ListPortalAssetsQuery } from './queries/list-portal-assets.query';
import { ListPortalContractsQuery } from './queries/list-portal-contracts.query';

/**
 * The customer's own book in the portal: their sites and machines (each with its service history
 * and the conditions they may report on it) and their contracts' conditions. Customer users only.
 */
@Controller('portal')
export class PortalBookController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('assets')
  assets(@CurrentPrincipal() principal: Principal): Promise<PortalAssets> {
    return this.queryBus.execute(new ListPortalAssetsQuery(principal));
  }

  @Get('assets/:code')
  asset(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<PortalAssetDetail> {
    return this.queryBus.execute(new GetPortalAssetQuery(principal, code));
  }

  @Get('assets/:code/conditions')
  conditions(
    @Param('code') code: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PortalConditions> {
    return this.queryBus.execute(new ListPortalAssetConditionsQuery(principal, code));
  }

  @Get('contracts')
  contracts(@CurrentPrincipal() principal: Principal): Promise<PortalContracts> {
    return this.queryBus.execute(
      new ListPortalContractsQuery(principal, new Date().toISOString().slice(0, 10)),
    );
  }
}
