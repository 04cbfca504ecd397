-- wrk script: sends two requests back to back on every connection (HTTP/1.1 pipelining), so that
-- wrk -c N keeps 2 x N requests in flight. Micronaut answers pipelined requests concurrently, in order.
-- Usage: wrk -s pipeline2.lua -H 'X-Latency-Ms: 1000' ... http://127.0.0.1:8084/inventory/SKU-1
init = function(args)
  local r = {}
  for i = 1, 2 do
    r[i] = wrk.format(nil, wrk.path)
  end
  req = table.concat(r)
end

request = function()
  return req
end
