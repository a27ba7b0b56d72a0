export * from './auth/login-request.schema';
export * from './auth/login-response.schema';
export * from './problem/problem-details.schema';
export * from './stock/stock-answers';
export * from './attachments/attachment-answer';
export * from './service-requests/service-request-bodies';
export * from './service-requests/service-request-answers';
export * from './service-requests/service-request-paths';
