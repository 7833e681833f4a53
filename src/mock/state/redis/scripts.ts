import type { Redis } from "ioredis";

/**
 * The Lua scripts that make each write one atomic step in Redis, whichever replica sends it: a create
 * cannot take an id another took, and an update replaces an item only if it still holds what its
 * writer read. ioredis sends them by SHA and again whole after Redis forgot them (a restart).
 * A limit of -1 means none.
 */
const SCRIPTS = {
  // KEYS: items, order, meta, usage, buckets. ARGV: id, json, maxItems, maxBytes, bucket name.
  mockpactInsert: [
    5,
    `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return {'taken'} end
local before = tonumber(redis.call('HGET', KEYS[4], 'bytes') or '0')
local items = tonumber(redis.call('HGET', KEYS[4], 'items') or '0') + 1
local bytes = before + string.len(ARGV[2])
if tonumber(ARGV[3]) >= 0 and items > tonumber(ARGV[3]) then return {'items', ARGV[3]} end
if tonumber(ARGV[4]) >= 0 and bytes > tonumber(ARGV[4]) and bytes > before then return {'bytes', ARGV[4]} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], redis.call('HINCRBY', KEYS[3], 'order', 1), ARGV[1])
redis.call('HSET', KEYS[4], 'items', items, 'bytes', bytes)
local n = tonumber(ARGV[1])
if n and n > tonumber(redis.call('HGET', KEYS[3], 'lastId') or '0') then redis.call('HSET', KEYS[3], 'lastId', n) end
redis.call('SADD', KEYS[5], ARGV[5])
return {'kept'}`,
  ],
  // KEYS: items, usage. ARGV: id, expected json, json, maxBytes.
  mockpactUpdate: [
    2,
    `local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old then return {'missing'} end
if old ~= ARGV[2] then return {'changed'} end
local before = tonumber(redis.call('HGET', KEYS[2], 'bytes') or '0')
local bytes = before + string.len(ARGV[3]) - string.len(old)
if tonumber(ARGV[4]) >= 0 and bytes > tonumber(ARGV[4]) and bytes > before then return {'bytes', ARGV[4]} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[2], 'bytes', bytes)
return {'kept'}`,
  ],
  // KEYS: items, order, usage. ARGV: id. Gives the removed item's json.
  mockpactRemove: [
    3,
    `local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old then return false end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HINCRBY', KEYS[3], 'items', -1)
redis.call('HINCRBY', KEYS[3], 'bytes', -string.len(old))
return old`,
  ],
  // KEYS: meta. ARGV: the integer floor, or '' for ids that are not counted.
  mockpactAllocate: [
    1,
    `local created = redis.call('HINCRBY', KEYS[1], 'created', 1)
if ARGV[1] == '' then return {created} end
local last = math.max(tonumber(redis.call('HGET', KEYS[1], 'lastId') or '0'), tonumber(ARGV[1]) - 1) + 1
redis.call('HSET', KEYS[1], 'lastId', last)
return {created, last}`,
  ],
  // KEYS: items, order. id, json, id, json... in the order they were created.
  mockpactList: [
    2,
    `local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local json = redis.call('HGET', KEYS[1], id)
  if json then out[#out + 1] = id; out[#out + 1] = json end
end
return out`,
  ],
  // KEYS: buckets, usage, sequences, seeded. ARGV: key prefix, initial buckets as [[name, [[id, json]...]]...],
  // '1' to seed only a store nobody has used yet.
  mockpactReset: [
    4,
    `if ARGV[3] == '1' and (redis.call('EXISTS', KEYS[4]) == 1 or redis.call('EXISTS', KEYS[1]) == 1) then return 0 end
for _, name in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  redis.call('DEL', ARGV[1] .. ':items:' .. name, ARGV[1] .. ':order:' .. name, ARGV[1] .. ':meta:' .. name)
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
local items, bytes = 0, 0
for _, bucket in ipairs(cjson.decode(ARGV[2])) do
  local name, last = bucket[1], 0
  for i, entry in ipairs(bucket[2]) do
    redis.call('HSET', ARGV[1] .. ':items:' .. name, entry[1], entry[2])
    redis.call('ZADD', ARGV[1] .. ':order:' .. name, i, entry[1])
    local n = tonumber(entry[1])
    if n and n > last then last = n end
    items, bytes = items + 1, bytes + string.len(entry[2])
  end
  redis.call('HSET', ARGV[1] .. ':meta:' .. name, 'order', #bucket[2], 'lastId', last)
  redis.call('SADD', KEYS[1], name)
end
redis.call('HSET', KEYS[2], 'items', items, 'bytes', bytes)
redis.call('SET', KEYS[4], '1')
return 1`,
  ],
  // KEYS: scenarios. ARGV: name, from, to. 1 when it moved.
  mockpactMove: [
    1,
    `local current = redis.call('HGET', KEYS[1], ARGV[1]) or 'Started'
if string.lower(current) ~= string.lower(ARGV[2]) then return 0 end
if string.lower(ARGV[3]) == 'started' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
return 1`,
  ],
  // KEYS: stream, counter. ARGV: most entries kept (about), entry json ('' counts the request only).
  mockpactJournal: [
    2,
    `local seq = redis.call('INCR', KEYS[2])
if ARGV[2] ~= '' then redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], seq .. '-1', 'entry', ARGV[2]) end
return seq`,
  ],
} as const;

export type ScriptName = keyof typeof SCRIPTS;

/** A client that knows the scripts: `redis.mockpactInsert(...keys, ...args)`. */
export type ScriptedRedis = Redis & { [name in ScriptName]: (...args: Array<string | number>) => Promise<unknown> };

export function defineScripts(redis: Redis): ScriptedRedis {
  for (const [name, [numberOfKeys, lua]] of Object.entries(SCRIPTS)) redis.defineCommand(name, { numberOfKeys, lua });
  return redis as ScriptedRedis;
}
