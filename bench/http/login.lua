-- wrk script: POST /api/auth/login for the user bench-server.sh registers; every answer should be 200. Each login
-- verifies the password hash (PBKDF2-HMAC-SHA512, 100,000 iterations), so this measures the hash.
wrk.method = "POST"
wrk.path = "/api/auth/login"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"bench@example.test","password":"bench password 1"}'

-- Counters live in each thread's own Lua state; done() runs in another, so it collects them through setup().
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

local function total(name)
  local sum = 0
  for _, thread in ipairs(threads) do
    sum = sum + (thread:get(name) or 0)
  end
  return sum
end

errors = 0
response = function(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", total("errors")))
  io.write(string.format("p50 latency: %.1f ms, p99 latency: %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
