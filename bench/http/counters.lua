-- Shared by the wrk scripts here (loaded with dofile, so run wrk from the repository root, as bench-server.sh does).
-- Counters live in each wrk thread's own Lua state and done() runs in another, so they are collected through setup().
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- The sum over wrk's threads of the global counter `name`.
function total(name)
  local sum = 0
  for _, thread in ipairs(threads) do
    sum = sum + (thread:get(name) or 0)
  end
  return sum
end

-- Counts answers that are not 200 in the global `errors`: wrk's response() below unless a script defines its own
-- after loading this file, which then calls count_status itself.
errors = 0
function count_status(status)
  if status ~= 200 then
    errors = errors + 1
    return false
  end
  return true
end

response = function(status, headers, body)
  count_status(status)
end
