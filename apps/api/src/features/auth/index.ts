/** What other features may use of signing in: ending sessions and finishing a password reset. */
export { finishPasswordReset, mayResetPassword } from './password-reset.service';
export { endAllSessionsOf } from './sessions.repository';
