// GET /api/persons?q= (search in scope) and GET /api/persons/:id (one person, audited).
import { centersInScope } from '../../shared/access/policy';
import { notFound } from '../access/guard';
import type { RouteModule } from '../http/api-router';
import { recordIdPattern } from '../http/validate';
import { readPersonInCenters } from './read-person';


const searchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 100 },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
} as const;

export const personRoutes: RouteModule = (api, ctx) => {
  api.get<undefined, { q?: string; limit: number }>(
    '/persons',
    { access: 'case.read', operation: 'search', menu: 'api:persons.search', labels: 'personSearch', query: searchQuery },
    async (call) => {
      const centers = centersInScope(call.auth.actor, 'case.read');
      const result = ctx.persons.search(call.query.q ?? '', centers, call.query.limit);
      await call.audit({ operation: 'search', result: 'success', detail: `q=${call.query.q ?? ''} hits=${result.items.length}${result.more ? '+' : ''}` });
      return result;
    },
  );

  api.get('/persons/:id', { access: 'case.read', operation: 'read', menu: 'api:persons.read', labels: 'common', params: { id: recordIdPattern } }, async (call) => {
    const id = call.params.id ?? '';
    const centers = centersInScope(call.auth.actor, 'case.read');
    const person = await readPersonInCenters(ctx.storage, id, centers, ctx.persons.centerOf(id));
    if (!person) {
      // Out of scope and absent answer alike; only the audit log tells them apart.
      const elsewhere = ctx.persons.centerOf(id);
      await call.audit({
        operation: 'read',
        result: elsewhere !== undefined ? 'denied' : 'failure',
        targetPersonId: id,
        ...(elsewhere !== undefined ? { centerId: elsewhere, detail: 'case.read:scope' } : { detail: 'notFound' }),
      });
      throw notFound();
    }
    await call.audit({ operation: 'read', result: 'success', targetPersonId: person.id, centerId: person.centerId });
    return person;
  });
};
