export * from './travel-estimate';
export * from './start-windows';
export * from './skill-match';
export * from './zone-and-materials';
export * from './proposal-score';
export * from './propose-technicians';
export * from './job-calendar';
export * from './propose-crews';
