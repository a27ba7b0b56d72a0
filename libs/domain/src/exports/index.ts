export * from './intervention-export-runs.decider';
