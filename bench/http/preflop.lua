-- wrk script: POST /api/equity, heads-up PLO4 preflop exact (1,086,008 boards). Run with one connection; compare
-- the latency with the engine's own time, which the answer reports as elapsedMs (printed at the end: the mean).
wrk.method = "POST"
wrk.path = "/api/equity"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"game":"plo4","players":[{"hand":"AsKsQhJh"},{"hand":"7c8c9d6d"}]}'

dofile("bench/http/counters.lua")

engine, answers = 0, 0
response = function(status, headers, body)
  if not count_status(status) then
    return
  end
  local ms = body:match('"elapsedMs":([%d%.eE+-]+)')
  if ms then
    engine = engine + tonumber(ms)
    answers = answers + 1
  end
end

done = function(summary, latency, requests)
  local answered = total("answers")
  io.write(string.format("non-200 answers: %d\n", total("errors")))
  io.write(string.format("engine time (elapsedMs): mean %.3f ms\n", answered > 0 and total("engine") / answered or 0))
  io.write(string.format("request latency: mean %.3f ms, p50 %.3f ms, p99 %.3f ms\n", latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
