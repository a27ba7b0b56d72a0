export * from './free-port';
export * from './closed-port';
