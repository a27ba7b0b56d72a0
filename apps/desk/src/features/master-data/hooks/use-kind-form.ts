import { masterDataKindByPlural } from '@fieldstream/domain';
import { useMemo } from 'react';
import { z } from 'zod';
import type { FieldSpec } from '../form/field-spec';
import { fieldSpecsFromSchema, type JsonSchemaNode } from '../form/field-specs-from-schema';

/** The kind behind a URL segment and its generated form (undefined for an unknown segment). */
export function useKindForm(plural: string): { kindName: string; specs: FieldSpec[] } | undefined {
  return useMemo(() => {
    const kind = masterDataKindByPlural(plural);
    if (!kind) return undefined;
    const schema = z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
    return { kindName: kind.name, specs: fieldSpecsFromSchema(schema, kind.name) };
  }, [plural]);
}
