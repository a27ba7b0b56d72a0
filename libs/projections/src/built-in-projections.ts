import type { AnyProjection } from './projection-definition';
import { streamCatalogueProjection } from './stream-catalogue.projection';

/** The projections the foundation ships; domain modules add theirs beside these. */
export const builtInProjections: readonly AnyProjection[] = [streamCatalogueProjection];
