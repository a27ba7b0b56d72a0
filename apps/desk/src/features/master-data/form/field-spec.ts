import type { MasterDataKindName } from '@fieldstream/domain';

interface BaseSpec {
  /** The property name. */
  name: string;
  /** Dotted path from the record's root; array items use their index (`contacts.0.email`). */
  path: string;
  required: boolean;
  default?: unknown;
  /** Multi-line text for long free text. */
  multiline?: boolean;
}

/** What the form generator makes of one property of a kind's JSON schema. */
export type FieldSpec =
  | (BaseSpec & { type: 'text' | 'date' | 'boolean' | 'json' })
  | (BaseSpec & { type: 'number'; integer: boolean; min?: number; max?: number })
  | (BaseSpec & { type: 'enum'; options: string[] })
  | (BaseSpec & { type: 'reference'; refKind: MasterDataKindName })
  | (BaseSpec & { type: 'references'; refKind: MasterDataKindName })
  | (BaseSpec & { type: 'tags'; options?: string[] })
  | (BaseSpec & { type: 'object'; fields: FieldSpec[] })
  | (BaseSpec & { type: 'objectArray'; item: FieldSpec[] });
