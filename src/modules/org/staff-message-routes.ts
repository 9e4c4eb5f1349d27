import { Type } from 'typebox';
import type { Queryable } from '../../kernel/db/index.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { Id, StaffMessagePage, StaffMessagesRead } from './schemas.ts';
import { markStaffMessagesRead, myStaffMessages, myUnreadCount } from './staff-messages.ts';

const tags = ['staff'];
const Unread = Type.Object({ unread: Type.Integer() });

/** The workbench bell: a staff member's own messages, their unread count, marking them read. */
export function registerStaffMessageRoutes(app: HttpApp, db: Queryable) {
  app.get('/api/staff/messages', {
    schema: {
      tags,
      querystring: Type.Object({
        page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
        pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        unread: Type.Optional(Type.Boolean()),
      }),
      response: { 200: StaffMessagePage },
    },
  }, (req) => myStaffMessages(db, req.actor, req.lang, req.query));

  app.get('/api/staff/messages/unread-count', { schema: { tags, response: { 200: Unread } } }, (req) => myUnreadCount(db, req.actor));

  app.post('/api/staff/messages/read', {
    schema: {
      tags,
      // no ids: everything up to now is read
      body: Type.Object({ ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 200 })) }, { additionalProperties: false }),
      response: { 200: StaffMessagesRead },
    },
    // a bare POST (no body at all) means the same as `{}`: mark all
    preValidation: async (req) => {
      req.body ??= {};
    },
  }, (req) => markStaffMessagesRead(db, req.actor, req.body.ids));
}
