-- wrk prints this line at the end of a run; bench/run.py reads it.
done = function(summary, latency, requests)
  io.write(string.format("BENCH rps=%.2f p50=%.3f p95=%.3f p99=%.3f errores=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout))
end
