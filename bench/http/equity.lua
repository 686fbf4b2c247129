-- wrk script: POST /api/equity with a heads-up PLO4 flop spot (exact, 820 deals), as in docs/benchmarks.md.
-- Optional: set TOKEN in the environment to send it as a bearer token (the signed-in path: session check, per-user limits).
wrk.method = "POST"
wrk.path = "/api/equity"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token and #token > 0 then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.body = '{"game":"plo4","players":[{"hand":"AsKsQhJh"},{"hand":"7c8c9d6d"}],"boards":["2c3d4h"]}'

dofile("bench/http/counters.lua")

done = function(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", total("errors")))
  for _, p in pairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%g latency: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
