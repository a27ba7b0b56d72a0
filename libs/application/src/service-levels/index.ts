export * from './sla-timers';
export * from './sla-policy-for';
export * from './service-calendar';
export * from './sla-clocks.service';
export * from './queries';
