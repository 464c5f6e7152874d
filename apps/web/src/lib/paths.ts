/** Every client-side address in one place, so features link without knowing the router. */
export const paths = {
  signIn: '/sign-in',
  secondFactor: '/sign-in/second-factor',
  forgotPassword: '/sign-in/forgot-password',
  changePassword: '/password',
  families: '/',
  family: (familyId: string) => `/families/${familyId}`,
  consents: (familyId: string) => `/families/${familyId}/consents`,
  accessLog: (familyId: string) => `/families/${familyId}/access-log`,
  costs: (familyId: string) => `/families/${familyId}/costs`,
  usageCsv: '/service-usage/csv',
  referenceCosts: '/reference-costs',
  invitation: (token: string) => `/kutsu/${token}`,
  administration: '/admin',
  adminServices: '/admin/services',
  adminAccounts: '/admin/accounts',
  adminAudit: '/admin/audit',
} as const;
