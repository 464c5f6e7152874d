/** What other features may use of accounts: finding and changing logins, passwords, the second-factor rule. */
export {
  addServiceMembership,
  clearFailedLogins,
  clearSecondFactorFailures,
  findAccountByEmail,
  findAccountById,
  insertAccount,
  recordFailedLogin,
  recordSecondFactorFailure,
  setPasswordHash,
  updateAccountEmail,
} from './accounts.repository';
export { requireStrongPassword } from './password-policy';
export { hashPassword, verifyPassword } from './passwords';
export { needsSecondFactor, secondFactorStateOf } from './second-factor-state';
