/** What a command form holds: texts, and lists for the multi-pickers. */
export type CommandValues = Record<string, string | string[] | undefined>;
