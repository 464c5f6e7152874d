/**
 * What other features may use of feedback: asking the family (reviews and families open a request
 * in the transaction of their change), and the de-identified answers for figures across families.
 */
export { openFeedbackRequest } from './feedback.service';
export { listFeedbackAnswersOfAllFamilies, type DeidentifiedFeedbackAnswer } from './feedback.repository';
