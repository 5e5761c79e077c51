import type { SupabaseClient } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../server/app.ts'
import { api, type Backend, backends, clientFor, signedInUser, startOn } from './support/server.ts'

describe.each(backends)('/rest/v1 on %s', (backend: Backend) => {
  let server: RunningServer
  let anon: SupabaseClient<any, any>
  let service: SupabaseClient<any, any>
  let alice: Awaited<ReturnType<typeof signedInUser>>
  let bob: Awaited<ReturnType<typeof signedInUser>>

  beforeAll(async () => {
    server = await startOn(backend)
    anon = clientFor(server)
    service = clientFor(server, server.config.serviceRoleKey)
    alice = await signedInUser(server)
    bob = await signedInUser(server)
    const seed = [
      { title: 'alpha', rank: 1, tags: ['a', 'b'], body: { done: true, n: 1 }, slug: 'alpha' },
      { title: 'beta', rank: 2, tags: ['b'], body: { done: false, n: 2 }, slug: 'beta' },
      { title: 'gamma', rank: null, tags: [], body: null, slug: 'gamma' },
    ]
    const { error } = await alice.client.from('notes').insert(seed)
    expect(error).toBeNull()
    await bob.client.from('notes').insert({ title: 'bob only', rank: 9, slug: 'bob' })
  })
  afterAll(async () => server?.close())

  describe('select', () => {
    it('returns rows with a column list and renaming', async () => {
      const { data, error, status } = await anon.from('items').select('id, label:name').order('id').limit(2)
      expect(error).toBeNull()
      expect(status).toBe(200)
      expect(data).toEqual([{ id: 1, label: 'Apple' }, { id: 2, label: 'Banana' }])
    })

    it('renders types as PostgREST does (numeric, date, jsonb) and casts', async () => {
      const { data } = await anon.from('items').select('price, created, details, price_text:price::text').eq('id', 1).single()
      expect(data).toEqual({ price: 1.2, created: '2024-01-01', details: { color: 'red', origin: { country: 'NZ' } }, price_text: '1.20' })
    })

    it('selects JSON paths', async () => {
      const { data } = await anon.from('items').select('id, details->color, country:details->origin->>country').eq('id', 1).single()
      expect(data).toEqual({ id: 1, color: 'red', country: 'NZ' })
    })

    it.each([
      ['eq', (q: any) => q.eq('category', 'fruit'), [1, 2]],
      ['neq', (q: any) => q.neq('category', 'fruit'), [3, 4]],
      ['gt', (q: any) => q.gt('price', 0.5), [1, 5]],
      ['gte', (q: any) => q.gte('price', 0.5), [1, 2, 5]],
      ['lt', (q: any) => q.lt('id', 3), [1, 2]],
      ['lte', (q: any) => q.lte('id', 2), [1, 2]],
      ['like', (q: any) => q.like('name', '*an*'), [2, 5]],
      ['ilike', (q: any) => q.ilike('name', 'a%'), [1]],
      ['is null', (q: any) => q.is('category', null), [5]],
      ['not is null', (q: any) => q.not('price', 'is', null), [1, 2, 3, 5]],
      ['in', (q: any) => q.in('id', [1, 3, 99]), [1, 3]],
      ['in with a comma inside a value', (q: any) => q.in('name', ['Daikon, long', 'Apple']), [1, 4]],
      ['not in', (q: any) => q.not('id', 'in', '(1,2,3)'), [4, 5]],
      ['or', (q: any) => q.or('id.eq.1,category.eq.vegetable'), [1, 3, 4]],
      ['nested and inside or', (q: any) => q.or('id.eq.5,and(category.eq.fruit,price.lt.1)'), [2, 5]],
      ['json path filter', (q: any) => q.eq('details->>color', 'yellow'), [2]],
      ['contains (jsonb)', (q: any) => q.contains('details', { color: 'orange' }), [3]],
      ['likeAnyOf', (q: any) => q.likeAnyOf('name', ['A*', 'B*']), [1, 2]],
      ['match', (q: any) => q.match({ category: 'fruit', id: 2 }), [2]],
      ['filter() with raw operator', (q: any) => q.filter('name', 'imatch', '^c'), [3]],
    ])('filters with %s', async (_name, apply, ids) => {
      const { data, error } = await apply(anon.from('items').select('id')).order('id')
      expect(error).toBeNull()
      expect(data!.map((r: { id: number }) => r.id)).toEqual(ids)
    })

    it('filters arrays with contains and overlaps', async () => {
      const { data: contains } = await alice.client.from('notes').select('title').contains('tags', ['b']).order('title')
      expect(contains).toEqual([{ title: 'alpha' }, { title: 'beta' }])
      const { data: overlaps } = await alice.client.from('notes').select('title').overlaps('tags', ['a', 'z'])
      expect(overlaps).toEqual([{ title: 'alpha' }])
    })

    it('orders with nulls first / last and several columns', async () => {
      const { data: last } = await anon.from('items').select('id').order('category', { ascending: false, nullsFirst: false }).order('id')
      expect(last!.map((r) => r.id)).toEqual([3, 4, 1, 2, 5])
      const { data: first } = await anon.from('items').select('id').order('category', { nullsFirst: true }).order('id', { ascending: false })
      expect(first!.map((r) => r.id)).toEqual([5, 2, 1, 4, 3])
    })

    it('pages with range and counts exactly (206 for a partial page)', async () => {
      const { data, count, status } = await anon.from('items').select('id', { count: 'exact' }).order('id').range(1, 2)
      expect(data).toEqual([{ id: 2 }, { id: 3 }])
      expect(count).toBe(5)
      expect(status).toBe(206)
      const response = await api(server, '/rest/v1/items?select=id&order=id', { headers: { Range: '3-', Prefer: 'count=exact' } })
      expect(response.status).toBe(206)
      expect(response.headers.get('content-range')).toBe('3-4/5')
    })

    it('counts with head requests', async () => {
      const { count, data, error } = await anon.from('items').select('*', { count: 'exact', head: true }).eq('category', 'fruit')
      expect(error).toBeNull()
      expect(data).toBeNull()
      expect(count).toBe(2)
    })

    it('answers 416 for an offset past the end', async () => {
      const response = await api(server, '/rest/v1/items?offset=10', { headers: { Prefer: 'count=exact' } })
      expect(response.status).toBe(416)
      expect((await response.json()).code).toBe('PGRST103')
    })

    it('returns single objects and PGRST116 otherwise', async () => {
      const { data } = await anon.from('items').select('name').eq('id', 2).single()
      expect(data).toEqual({ name: 'Banana' })
      const none = await anon.from('items').select('name').eq('id', 99).single()
      expect(none.status).toBe(406)
      expect(none.error).toMatchObject({ code: 'PGRST116', details: 'The result contains 0 rows', message: 'Cannot coerce the result to a single JSON object' })
      const many = await anon.from('items').select('name').single()
      expect(many.error?.details).toBe('The result contains 5 rows')
    })

    it('returns maybe-single objects', async () => {
      expect((await anon.from('items').select('name').eq('id', 3).maybeSingle()).data).toEqual({ name: 'Carrot' })
      const missing = await anon.from('items').select('name').eq('id', 99).maybeSingle()
      expect(missing).toMatchObject({ data: null, error: null })
    })

    it('strips nulls when asked', async () => {
      const response = await api(server, '/rest/v1/items?id=eq.4&select=id,price,category', { headers: { Accept: 'application/vnd.pgrst.array+json;nulls=stripped' } })
      expect(await response.json()).toEqual([{ id: 4, category: 'vegetable' }])
    })

    it('switches schemas with Accept-Profile / Content-Profile', async () => {
      const other = clientFor(server, server.config.anonKey, { schema: 'other' })
      expect((await other.from('things').select('label')).data).toEqual([{ label: 'from other' }])
      const unknown = await api(server, '/rest/v1/things', { headers: { 'Accept-Profile': 'secret' } })
      expect(unknown.status).toBe(406)
      expect(await unknown.json()).toMatchObject({ code: 'PGRST106', message: 'Invalid schema: secret', hint: 'Only the following schemas are exposed: public, other' })
      const write = await clientFor(server, server.config.serviceRoleKey, { schema: 'other' }).from('things').insert({ id: 2, label: 'two' }).select().single()
      expect(write.data).toEqual({ id: 2, label: 'two' })
    })
  })

  describe('RLS through HTTP', () => {
    it('shows a user only their own rows', async () => {
      const { data } = await alice.client.from('notes').select('title').order('title')
      expect(data!.map((r) => r.title)).toEqual(['alpha', 'beta', 'gamma'])
      const { data: bobs } = await bob.client.from('notes').select('title')
      expect(bobs).toEqual([{ title: 'bob only' }])
    })

    it('refuses anon with 401 and 42501, and lets the service role see everything', async () => {
      const { error, status } = await anon.from('notes').select('*')
      expect(status).toBe(401)
      expect(error).toMatchObject({ code: '42501', message: 'permission denied for table notes' })
      const { count } = await service.from('notes').select('*', { count: 'exact', head: true })
      expect(count).toBe(4)
    })

    it('answers 403 when an authenticated user breaks a policy', async () => {
      const { error, status } = await alice.client.from('notes').insert({ title: 'forged', owner: bob.user.id })
      expect(status).toBe(403)
      expect(error?.code).toBe('42501')
      expect(error?.message).toContain('row-level security')
    })

    it('does not update or delete other users rows', async () => {
      const { data } = await alice.client.from('notes').update({ title: 'hacked' }).eq('slug', 'bob').select()
      expect(data).toEqual([])
      await alice.client.from('notes').delete().eq('slug', 'bob')
      const { data: still } = await bob.client.from('notes').select('title').eq('slug', 'bob').single()
      expect(still).toEqual({ title: 'bob only' })
    })
  })

  describe('writes', () => {
    it('inserts one and many rows with representation, and minimal by default', async () => {
      const one = await alice.client.from('notes').insert({ title: 'one', slug: 'w-one' }).select('title, owner').single()
      expect(one.status).toBe(201)
      expect(one.data).toEqual({ title: 'one', owner: alice.user.id })
      const many = await alice.client.from('notes').insert([{ title: 'm1', slug: 'w-m1' }, { title: 'm2', slug: 'w-m2', rank: 5 }]).select('title, rank')
      expect(many.data).toEqual([{ title: 'm1', rank: null }, { title: 'm2', rank: 5 }])
      const minimal = await alice.client.from('notes').insert({ title: 'quiet', slug: 'w-quiet' })
      expect(minimal).toMatchObject({ status: 201, data: null, error: null })
    })

    it('maps unique violations to 409 with the Postgres detail', async () => {
      const { error, status } = await alice.client.from('notes').insert({ title: 'dup', slug: 'alpha' })
      expect(status).toBe(409)
      // NOTE: Postgres leaves the key out of the detail when RLS applies to the caller.
      expect(error).toMatchObject({ code: '23505', message: 'duplicate key value violates unique constraint "notes_slug_key"', details: null })
      const asService = await service.from('items').insert({ id: 1, name: 'again' })
      expect(asService.error).toMatchObject({ code: '23505', details: 'Key (id)=(1) already exists.' })
    })

    it('upserts on a conflict column, merging or ignoring duplicates', async () => {
      const merged = await service.from('items').upsert([{ id: 1, name: 'Apple!' }, { id: 6, name: 'Fig' }], { onConflict: 'id' }).select('id, name').order('id')
      expect(merged.data).toEqual([{ id: 1, name: 'Apple!' }, { id: 6, name: 'Fig' }])
      const ignored = await service.from('items').upsert({ id: 1, name: 'ignored' }, { ignoreDuplicates: true }).select()
      expect(ignored.data).toEqual([])
      expect((await anon.from('items').select('name').eq('id', 1).single()).data).toEqual({ name: 'Apple!' })
      await service.from('items').update({ name: 'Apple' }).eq('id', 1)
      await service.from('items').delete().eq('id', 6)
    })

    it('updates with filters and returns the changed rows', async () => {
      const { data, status } = await alice.client.from('notes').update({ rank: 3, body: { edited: true } }).eq('slug', 'beta').select('title, rank, body')
      expect(status).toBe(200)
      expect(data).toEqual([{ title: 'beta', rank: 3, body: { edited: true } }])
      const quiet = await alice.client.from('notes').update({ rank: 2 }).eq('slug', 'beta')
      expect(quiet.status).toBe(204)
    })

    it('deletes with filters and counts', async () => {
      await alice.client.from('notes').insert([{ title: 'bin1', slug: 'bin1' }, { title: 'bin2', slug: 'bin2' }])
      const { data, count } = await alice.client.from('notes').delete({ count: 'exact' }).like('slug', 'bin*').select('slug').order('slug')
      expect(data).toEqual([{ slug: 'bin1' }, { slug: 'bin2' }])
      expect(count).toBe(2)
    })

    it('rolls back a mutation that was asked for a single object but hit several rows', async () => {
      const { error } = await alice.client.from('notes').update({ rank: 7 }).in('slug', ['alpha', 'beta']).select().single()
      expect(error?.code).toBe('PGRST116')
      const { data } = await alice.client.from('notes').select('rank').in('slug', ['alpha', 'beta']).order('slug')
      expect(data).toEqual([{ rank: 1 }, { rank: 2 }])
    })

    it('rolls back on Prefer: tx=rollback', async () => {
      const { data } = await service.from('items').insert({ id: 50, name: 'ghost' }).select('name').rollback()
      expect(data).toEqual([{ name: 'ghost' }])
      expect((await anon.from('items').select('id').eq('id', 50)).data).toEqual([])
    })
  })

  describe('rpc', () => {
    it('calls scalar functions by POST with named arguments and defaults', async () => {
      expect((await anon.rpc('add_numbers', { a: 2, b: 3 })).data).toBe(5)
      expect((await anon.rpc('add_numbers', { a: 2 })).data).toBe(3)
    })

    it('calls read-only functions by GET', async () => {
      const { data, error } = await anon.rpc('add_numbers', { a: 40, b: 2 }, { get: true })
      expect(error).toBeNull()
      expect(data).toBe(42)
      expect((await anon.rpc('tag_count', { p_tags: ['x', 'y', 'z'] }, { get: true })).data).toBe(3)
    })

    it('passes arrays and refuses writes in a GET transaction', async () => {
      expect((await anon.rpc('tag_count', { p_tags: ['x', 'y'] })).data).toBe(2)
      const { error, status } = await service.rpc('rename_item', { p_id: 2, p_name: 'x' }, { get: true })
      expect(status).toBe(405)
      expect(error?.code).toBe('25006')
    })

    it('returns sets with filters, order and count; single rows as objects; set of scalars as arrays', async () => {
      const { data, count } = await alice.client.rpc('my_notes', {}, { count: 'exact' }).gte('rank', 1).lte('rank', 3).order('rank', { ascending: false }).select('title')
      expect(data).toEqual([{ title: 'beta' }, { title: 'alpha' }])
      expect(count).toBe(2)
      expect((await anon.rpc('first_item').select('id, name')).data).toEqual({ id: 1, name: 'Apple' })
      expect((await anon.rpc('item_names')).data).toEqual(['Apple', 'Banana', 'Carrot', 'Daikon, long', 'Eggplant'])
    })

    it('answers 204 for void functions', async () => {
      const response = await api(server, '/rest/v1/rpc/request_info_void', { method: 'POST', body: '{}' })
      expect(response.status).toBe(404)
      const ok = await service.rpc('rename_item', { p_id: 3, p_name: 'Carrot' })
      expect(ok.data).toMatchObject({ id: 3, name: 'Carrot' })
    })

    it('sets role, claims, headers, method and path per request, with x-forwarded-for from the TCP peer', async () => {
      const response = await api(server, '/rest/v1/rpc/request_info', {
        method: 'POST',
        token: alice.session.access_token,
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '6.6.6.6', 'X-Custom': 'Yes' },
        body: '{}',
      })
      const info = await response.json()
      expect(info).toMatchObject({ role: 'authenticated', uid: alice.user.id, method: 'POST', path: '/rpc/request_info', read_only: 'off' })
      expect(info.claims).toMatchObject({ sub: alice.user.id, role: 'authenticated', email: alice.email, session_id: alice.session.user ? expect.any(String) : undefined })
      expect(info.headers['x-forwarded-for']).toBe('127.0.0.1')
      expect(info.headers['x-custom']).toBe('Yes')
      const get = await (await api(server, '/rest/v1/rpc/request_info')).json()
      expect(get).toMatchObject({ role: 'anon', method: 'GET', read_only: 'on', uid: null })
    })

    it('maps raised exceptions to 400 P0001 and PT codes to their status', async () => {
      const { error, status } = await anon.rpc('fail', { message: 'nope' })
      expect(status).toBe(400)
      expect(error).toEqual({ code: 'P0001', message: 'nope', details: 'a detail', hint: 'a hint' })
      const paid = await anon.rpc('fail_with_status')
      expect(paid.status).toBe(402)
      expect(paid.error?.message).toBe('Payment required')
    })

    it('answers PGRST202 for unknown functions or arguments', async () => {
      const { error, status } = await anon.rpc('add_numbers', { x: 1 })
      expect(status).toBe(404)
      expect(error).toMatchObject({ code: 'PGRST202', message: 'Could not find the function public.add_numbers(x) in the schema cache' })
    })
  })
})
