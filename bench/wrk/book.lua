-- wrk script: POST /api/v1/public/businesses/large/bookings at distinct free slots.
-- Environment: BOOK_PROVIDERS (space-separated provider ids that hold no bookings),
-- BOOK_SERVICE (service id), BOOK_FIRST_DAY (unix seconds of a UTC midnight in the future),
-- BOOK_DAYS (days usable from it). Slot k of thread t: provider k mod P, then day and
-- quarter-hour (08:00-20:00 UTC) in order, so no two requests of a run ask for the same slot.
local providers = {}
for id in string.gmatch(os.getenv("BOOK_PROVIDERS") or "", "%S+") do providers[#providers + 1] = id end
local service = os.getenv("BOOK_SERVICE")
local first_day = tonumber(os.getenv("BOOK_FIRST_DAY"))
local days = tonumber(os.getenv("BOOK_DAYS") or "300")

local next_id = 0
function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
end

function init(args)
  counter = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local function slot(k)
  local p = #providers
  local provider = providers[(k % p) + 1]
  local m = math.floor(k / p)
  local day = math.floor(m / 48) % days
  local quarter = m % 48
  return provider, first_day + day * 86400 + 8 * 3600 + quarter * 900
end

function request()
  -- Threads take interleaved slot numbers: thread t books t, t + 16, t + 32, ... (at most 16 threads).
  local k = counter * 16 + thread_id
  counter = counter + 1
  local provider, start = slot(k)
  local body = string.format(
    '{"serviceId":"%s","providerId":"%s","start":"%s","consumer":{"name":"Bench %d","email":"b%d-%d@example.test","timeZone":"UTC"}}',
    service, provider, os.date("!%Y-%m-%dT%H:%M:%SZ", start), k, thread_id, counter)
  return wrk.format(nil, "/api/v1/public/businesses/large/bookings", nil, body)
end
