/** A record as the import takes it: its code and its fields. */
export type DemoRecord = { code: string } & Record<string, unknown>;
