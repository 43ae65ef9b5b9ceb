-- wrk script for scripts/bench (wrk runs LuaJIT, Lua 5.1).
-- BENCH_HEADERS: request headers, one "Name: value" per line.
-- BENCH_DELAY_MS: if set and > 0, each connection waits a random 0.5x..1.5x this long after
--   a response before its next request (paced load; wrk's latency excludes the wait).
-- At the end prints one line "BENCH key=value ..." that scripts/bench parses.
for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.-)%s*$")
  if name then wrk.headers[name] = value end
end

local pace = tonumber(os.getenv("BENCH_DELAY_MS") or "") or 0
if pace > 0 then
  local lo, hi = math.max(1, math.floor(pace / 2)), math.max(1, math.floor(pace * 3 / 2))
  function delay()
    return math.random(lo, hi)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d bytes=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d"
      .. " p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.bytes, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
