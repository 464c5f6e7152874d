/** What other features may use of assessments: the latest one as it stands, to freeze it into a plan version. */
export { presentAssessment } from './assessment.presenter';
export { findAssessment, findLatestAssessmentId } from './assessments.repository';
