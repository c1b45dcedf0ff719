-- wrk script for `npm run bench:peers`: POSTs the JSON bodies of a file (one per line), cycling through them,
-- and prints one machine-readable summary line. Usage: wrk ... -s wrk-post.lua <url> -- <bodies-file>
local requests = {}
local index = 0

init = function(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    if #line > 0 then
      requests[#requests + 1] = wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, line)
    end
  end
  file:close()
  -- Threads start at different places in the cycle.
  index = math.random(#requests) - 1
end

request = function()
  index = index % #requests + 1
  return requests[index]
end

done = function(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    'WRK_SUMMARY {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
