export * from './standard-webhook-poster';
