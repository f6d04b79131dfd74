// Page addresses of the 举报 / 自愿注册 subpackage and of their officer pages (app.config.ts).
const root = '/packages/cases/pages'
const officer = '/packages/officer/pages'
const withId = (page: string) => (id: string) => `${page}?id=${encodeURIComponent(id)}`

export const caseRoutes = {
  reportForm: (uscc?: string) => `${root}/report-form/index${uscc ? `?uscc=${encodeURIComponent(uscc)}` : ''}`,
  reports: `${root}/reports/index`,
  report: withId(`${root}/report/index`),
  registrationForm: `${root}/registration-form/index`,
  registrations: `${root}/registrations/index`,
  registration: withId(`${root}/registration/index`),
  officerReports: `${officer}/dishonesty-reports/index`,
  officerReport: withId(`${officer}/dishonesty-report/index`),
  officerRegistrations: `${officer}/registrations/index`,
  officerRegistration: withId(`${officer}/registration/index`),
} as const
