/**
 * The queries a change notice makes stale. A master-data kind refreshes its own lists and records,
 * and the views built from master data (map, availability); requests, agendas, stock and
 * accounts their own screens; service levels (clocks, alarms, breaches) the SLA dashboard and a
 * request's clocks, which a changed request moves too (opened, suspended, closed). Notifications:
 * `inbox/<userId>` (sent to that user alone) their inbox and bell; `escalations` a request's
 * escalation and the inbox too, whose alerts say whether someone acknowledged; the delivery log its own.
 * The preventive runs' reports follow `service-requests`: a run that opens a visit opens a request.
 * The customer portal's screens (`['portal']`) follow requests and the customer's master data.
 */
export function queryKeysForTopic(topic: string): readonly (readonly string[])[] {
  if (topic.startsWith('master-data/')) {
    const plural = topic.slice('master-data/'.length);
    return [['master-data', plural], ['map'], ['availability'], ['portal']];
  }
  // The board holds each request's revision for its drags: a changed request refreshes it. A
  // preventive run opens requests, so their notice refreshes the runs' reports too.
  if (topic === 'service-requests')
    return [['service-requests'], ['agendas', 'board'], ['service-levels'], ['preventive-runs'], ['portal']];
  // An appointment changes a technician's agenda and the request it serves.
  if (topic === 'agendas') return [['agendas'], ['service-requests']];
  if (topic === 'service-levels') return [['service-levels']];
  // What a machine said (or its silence): the remote diagnosis of its asset.
  if (topic === 'devices') return [['devices']];
  if (topic === 'stock') return [['stock']];
  if (topic === 'users') return [['users']];
  if (topic.startsWith('inbox')) return [['inbox']];
  if (topic === 'escalations') return [['escalations'], ['inbox']];
  if (topic === 'notification-deliveries') return [['notification-deliveries']];
  return [];
}
