import { loginResponseSchema, type LoginRequest, type LoginResponse } from '@fieldstream/api-contract';
import { apiRequest } from '../../../shared/api/api-request';

export function postLogin(request: LoginRequest, fetchImpl?: typeof fetch): Promise<LoginResponse> {
  return apiRequest('/api/auth/login', {
    method: 'POST',
    body: request,
    schema: loginResponseSchema,
    ...(fetchImpl ? { fetchImpl } : {}),
  });
}
