-- wrk script: POST /api/equity with a heads-up PLO4 flop spot (exact, 820 deals), as in docs/benchmarks.md.
-- Optional: set TOKEN in the environment to send it as a bearer token (the signed-in path: session check, per-user limits).
-- No response() hook: with one, wrk hands every answer's headers and body to Lua, which costs the load generator
-- (sharing the server's two cores) about a sixth of its CPU. wrk counts error statuses (400 and up) itself.
wrk.method = "POST"
wrk.path = "/api/equity"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token and #token > 0 then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.body = '{"game":"plo4","players":[{"hand":"AsKsQhJh"},{"hand":"7c8c9d6d"}],"boards":["2c3d4h"]}'

done = function(summary, latency, requests)
  io.write(string.format("error answers (status 400 and up): %d\n", summary.errors.status))
  for _, p in pairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%g latency: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
