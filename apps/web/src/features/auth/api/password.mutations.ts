import { useMutation } from '@tanstack/react-query';
import type { ChangePassword } from '@yhdessa/shared';
import { apiRequest } from '../../../lib/api-client';

/** Sets a new password with the current one; the other sessions of the account end, this one stays. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePassword) => apiRequest('/api/auth/password', { method: 'POST', body }),
  });
}

/** Asks for a reset link; the answer says nothing about whether the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => apiRequest('/api/auth/password-reset', { method: 'POST', body: { email } }),
  });
}
