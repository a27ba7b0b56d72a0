export * from './intervention-export-queries';
export * from './intervention-export-answers';
export * from './intervention-export-columns';
