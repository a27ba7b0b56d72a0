// The desk is an application; its entry point is main.tsx, loaded by index.html.
export { appRoutes } from './app/app-routes';
