-- Prints one machine-readable line per run: requests/s, p95 and p99 latency in ms, non-2xx
-- answers, requests. With BENCH_BUST set, every request carries a query string of its own, so
-- the public cache never has the answer and each request costs what the page costs.
local bust = os.getenv("BENCH_BUST")
if bust == "" then
  bust = nil
end
local counter = 0

-- Each wrk thread runs its own copy of this script: the thread's number keeps their query
-- strings apart.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

request = function()
  if not bust then
    return wrk.format(nil, wrk.path)
  end
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "b=" .. bust .. "-" .. tostring(tid) .. "-" .. counter)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / seconds,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, failed, summary.requests))
end
