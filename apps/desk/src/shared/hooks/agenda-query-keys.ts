/**
 * Everything under `['agendas']`: the key the live change notices (topic `agendas`) invalidate, so
 * a booking made by another dispatcher shows on every open calendar.
 */
export const agendaKeys = {
  all: () => ['agendas'] as const,
  range: (technicianCode: string, from: string, to: string) => ['agendas', technicianCode, from, to] as const,
};
