export * from './site-closures';
export * from './preventive-planner.service';
export * from './preventive.queries';
