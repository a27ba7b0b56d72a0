/**
 * Time zones whose rules break day arithmetic, for property tests to draw from: DST moving midnight
 * itself (Santiago, Havana, Beirut, Asunción), by half an hour (Lord Howe), a whole day skipped
 * (Apia, 30 December 2011); and the organisation's own zone as the ordinary case.
 */
export const DST_EDGE_ZONES = [
  'Europe/Rome',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'America/Asuncion',
  'Australia/Lord_Howe',
  'Pacific/Apia',
] as const;
