import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { BAD_TAGS, CHANNELS, DIMENSIONS, LEVELS } from './dictionary.ts';
import { resultsWorkbook } from './export.ts';
import { myRatings } from './mine.ts';
import { padCase, padWindows } from './pad.ts';
import { invitationForToken, rateAssisted, rateByToken, rateOwnCase } from './ratings.ts';
import { publicMonthly, ratingResults } from './results.ts';
import * as S from './schemas.ts';
import { readRatingSettings, updateRatingSettings } from './settings.ts';
import { actOnTask, appealTask, decideAppeal, getTask, listTasks, taskContact } from './tasks.ts';

const tags = ['ratings'];

export function registerRatingRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;

  app.get('/api/ratings/dictionary', {
    schema: { tags, response: { 200: S.Dictionary } },
  }, () => ({ levels: [...LEVELS], dimensions: { online: [...DIMENSIONS.online], offline: [...DIMENSIONS.offline] }, badTags: [...BAD_TAGS], channels: [...CHANNELS] }));

  app.get('/api/ratings/mine', { schema: { tags, response: { 200: S.Mine } } }, (req) => myRatings(db, req.actor));

  app.post('/api/ratings', { schema: { tags, body: S.OwnRating, response: { 201: S.RatingView } } }, async (req, reply) =>
    reply.status(201).send(await rateOwnCase(ctx, req.actor, req.body)));

  app.post('/api/ratings/assisted', { schema: { tags, body: S.AssistedRating, response: { 201: S.RatingView } } }, async (req, reply) =>
    reply.status(201).send(await rateAssisted(ctx, req.actor, req.body)));

  app.get('/api/ratings/pad/case', {
    schema: {
      tags,
      querystring: Type.Object({ number: Type.String({ pattern: '^[0-9]{20}$' }) }),
      response: { 200: S.PadCase },
    },
  }, (req) => padCase(db, req.actor, req.query.number));

  app.get('/api/ratings/pad/windows', {
    schema: {
      tags,
      response: { 200: Type.Object({ items: Type.Array(S.PadWindow) }) },
    },
  }, (req) => padWindows(db, req.actor));

  // The SMS link: no sign-in, the token stands for the applicant it was sent to.
  app.get('/api/public/ratings/invitations/:token', {
    schema: { tags, params: S.TokenParams, response: { 200: S.LinkInvitation } },
  }, (req) => invitationForToken(ctx, req.params.token));
  app.post('/api/public/ratings/invitations/:token', { schema: { tags, params: S.TokenParams, body: S.TokenRating, response: { 201: S.RatingView } } }, async (req, reply) =>
    reply.status(201).send(await rateByToken(ctx, req.actor, req.params.token, req.body)));

  app.get('/api/ratings/tasks', { schema: { tags, querystring: S.TaskQuery, response: { 200: S.TaskList } } }, (req) => listTasks(db, req.actor, req.query));
  app.get('/api/ratings/tasks/:id', {
    schema: { tags, params: S.IdParams, response: { 200: S.TaskDetail } },
  }, (req) => getTask(db, req.actor, req.params.id));
  app.get('/api/ratings/tasks/:id/contact', {
    schema: { tags, params: S.IdParams, response: { 200: Type.Object({ name: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }) } },
  }, (req) => taskContact(ctx, req.actor, req.params.id));
  app.post('/api/ratings/tasks/:id/actions/:action', {
    schema: { tags, params: S.TaskActionParams, body: S.TaskActionBody, response: { 200: S.TaskView } },
  }, (req) => actOnTask(ctx, req.actor, req.params.id, req.params.action, req.body));
  app.post('/api/ratings/tasks/:id/appeal', { schema: { tags, params: S.IdParams, body: S.AppealBody, response: { 200: S.TaskView } } }, (req) =>
    appealTask(ctx, req.actor, req.params.id, req.body));
  app.post('/api/ratings/tasks/:id/appeal-decision', { schema: { tags, params: S.IdParams, body: S.DecisionBody, response: { 200: S.TaskView } } }, (req) =>
    decideAppeal(ctx, req.actor, req.params.id, req.body));

  app.get('/api/ratings/results', { schema: { tags, querystring: S.ResultQuery, response: { 200: S.Report } } }, (req) => ratingResults(db, req.actor, req.query));
  app.get('/api/ratings/results.xlsx', { schema: { tags, querystring: S.ExportQuery } }, async (req, reply) => {
    const file = await resultsWorkbook(db, req.actor, req.lang, req.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="ratings-${req.query.regionCode}-${req.query.month}.xlsx"`)
      .send(file);
  });
  app.get('/api/public/ratings/monthly', { schema: { tags, querystring: S.PublicQuery, response: { 200: S.Report } } }, (req) => publicMonthly(db, req.query));

  app.get('/api/ratings/settings', { schema: { tags, response: { 200: S.Settings } } }, (req) => readRatingSettings(ctx, req.actor));
  app.put('/api/ratings/settings', { schema: { tags, body: S.Settings, response: { 200: S.Settings } } }, (req) =>
    updateRatingSettings(ctx, req.actor, req.body));
}
