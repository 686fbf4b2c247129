-- wrk script: POST /api/auth/login for the user bench-server.sh registers; every answer should be 200. Each login
-- verifies the password hash (PBKDF2-HMAC-SHA512, 100,000 iterations), so this measures the hash.
wrk.method = "POST"
wrk.path = "/api/auth/login"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"bench@example.test","password":"bench password 1"}'

dofile("bench/http/counters.lua")

done = function(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", total("errors")))
  io.write(string.format("p50 latency: %.1f ms, p99 latency: %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
