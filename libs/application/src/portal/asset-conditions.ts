import type { Condition } from '@fieldstream/domain';

export interface CatalogueCondition {
  code: string;
  record: Pick<Condition, 'name' | 'description' | 'modelCodes' | 'family'>;
}

/**
 * The catalogue's conditions a customer may recognise on a machine of this model: those naming
 * the model, those of its family, and the generic ones that name neither (an electrical fault
 * happens to any machine). By name, so a long list reads like a list.
 */
export function conditionsForModel(
  conditions: readonly CatalogueCondition[],
  model: { code: string; family?: string },
): CatalogueCondition[] {
  return conditions
    .filter(({ record }) => {
      const models = record.modelCodes ?? [];
      if (models.includes(model.code)) return true;
      if (record.family !== undefined) return record.family === model.family;
      return models.length === 0;
    })
    .sort((a, b) => a.record.name.localeCompare(b.record.name) || (a.code < b.code ? -1 : 1));
}
