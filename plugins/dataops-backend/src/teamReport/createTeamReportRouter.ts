import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { describeFirstIssue } from '@dataops-observability/plugin-dataops-common';
import type { TeamReportService } from './TeamReportService';

/** Default and bounds of `days`, as for `GET /v1/incidents`. */
export const DEFAULT_REPORT_DAYS = 30;

const querySchema = z
  .object({
    owner: z.string().min(1).max(300),
    days: z
      .string()
      .regex(/^\d{1,3}$/, 'must be a whole number of days')
      .transform(Number)
      .refine(n => n >= 1 && n <= 90, 'must be between 1 and 90')
      .optional(),
  })
  .strict();

/** `GET /v1/team-report?owner=&days=`: the team report of a group and its sub-groups (docs/team-report.md). */
export async function createTeamReportRouter(options: {
  httpAuth: HttpAuthService;
  reports: TeamReportService;
}): Promise<express.Router> {
  const router = Router();
  router.get('/v1/team-report', async (req, res) => {
    const parsed = querySchema.safeParse(req.query);
    if (!parsed.success) {
      throw new InputError(
        describeFirstIssue(parsed.error.issues, { source: 'query' }),
      );
    }
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await options.reports.report(
        parsed.data.owner,
        parsed.data.days ?? DEFAULT_REPORT_DAYS,
        credentials,
      ),
    );
  });
  return router;
}
