-- Prints one machine-readable line per run: requests/s, p95 latency in ms, non-2xx answers.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %d %d\n",
    summary.requests / seconds, latency:percentile(95) / 1000, failed, summary.requests))
end
