export * from './auth/login-request.schema';
export * from './auth/login-response.schema';
export * from './problem/problem-details.schema';
