export * from './plan-recurrence';
export * from './preventive-schedule';
export * from './meter-readings.decider';
