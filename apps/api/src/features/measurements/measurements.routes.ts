import {
  correctMeasurementSchema,
  familyParamsSchema,
  measurementListSchema,
  measurementParamsSchema,
  measurementSchema,
  recordMeasurementSchema,
} from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { correctMeasurement, readMeasurements, recordMeasurement } from './measurements.service';

export const measurementsRoutes = [
  defineRoute({
    method: 'get',
    path: '/families/:familyId/measurements',
    summary:
      "The family's wellbeing meter over time, oldest first, and whether the family is asked to fill one in; a service sees it only with the family's consent",
    tag: 'measurements',
    access: { kind: 'family' },
    params: familyParamsSchema,
    response: { status: 200, schema: measurementListSchema, description: 'Measurements' },
    handler: ({ params }, context) => readMeasurements(params.familyId, context),
  }),
  defineRoute({
    method: 'post',
    path: '/families/:familyId/measurements',
    summary:
      'A family member fills in the wellbeing meter: a score 1-5 per domain (a domain may be skipped), on a day not in the future',
    tag: 'measurements',
    access: { kind: 'family' },
    params: familyParamsSchema,
    body: recordMeasurementSchema,
    response: { status: 201, schema: measurementSchema, description: 'The new measurement' },
    errors: [403, 409],
    handler: ({ params, body }, context) => recordMeasurement(params.familyId, body, context),
  }),
  defineRoute({
    method: 'patch',
    path: '/families/:familyId/measurements/:measurementId',
    summary: 'The member who filled in a measurement corrects it, on the day it was made only, based on its version',
    tag: 'measurements',
    access: { kind: 'family' },
    params: measurementParamsSchema,
    body: correctMeasurementSchema,
    response: { status: 200, schema: measurementSchema, description: 'The measurement after the correction' },
    errors: [403, 409],
    handler: ({ params, body }, context) => correctMeasurement(params, body, context),
  }),
];
