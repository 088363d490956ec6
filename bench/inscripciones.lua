-- A burst of registrations to one event: each request is a POST of the public
-- form with its own e-mail address. bench/run.py passes the CSRF cookie and token
-- of one visit (and the form's other fields) in environment variables.
local contador = 0
local hilo_id = 0
local hilos = {}

setup = function(thread)
  hilo_id = hilo_id + 1
  thread:set("id", hilo_id)
  table.insert(hilos, thread)
end

init = function(args)
  -- The warm-up and the measured run are two processes: without a seed they
  -- would draw the same addresses, and the second run would only find duplicates.
  math.randomseed(os.time() * 100 + id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = "csrftoken=" .. os.getenv("BENCH_CSRF_COOKIE")
  wrk.headers["Referer"] = os.getenv("BENCH_REFERER")
  cuerpo_base = os.getenv("BENCH_FORM")
end

request = function()
  contador = contador + 1
  local correo = "bench-" .. id .. "-" .. contador .. "-" .. math.random(1, 1e9) .. "%40example.org"
  return wrk.format(nil, nil, nil, cuerpo_base .. "&email=" .. correo)
end

done = function(summary, latency, requests)
  io.write(string.format("BENCH rps=%.2f p50=%.3f p95=%.3f p99=%.3f errores=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout))
end
