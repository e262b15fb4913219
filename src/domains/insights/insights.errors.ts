import { defineErrors } from '../../platform/http/errors';
import { MAX_PERIOD_YEARS } from './insights.models';

export const insightsErrors = defineErrors({
  periodReversed: ['insights.period_reversed', 400, 'The period must start on or before the day it ends: swap from and to'],
  periodTooLong: ['insights.period_too_long', 400, `The period can span at most ${MAX_PERIOD_YEARS} years: choose a shorter one`],
});
