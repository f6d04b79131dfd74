// A client that sends requests at a fixed rate, evenly paced, in a worker thread of the bench.
// Why not autocannon's `overallRate`: it gives each connection a budget per second, so at every
// second's start all connections fire back to back until their budget is spent. That makes a
// one-second burst at the maximum rate, not a steady rate. Here requests leave on schedule, whether
// or not earlier ones were answered (an open loop), and each latency counts from the scheduled send
// time, so a slow answer delays nothing it does not also count (no coordinated omission).
'use strict'
const http = require('node:http')
const { parentPort, workerData } = require('node:worker_threads')

const { url, method, headers, body, rate, durationS, connections, timeoutS } = workerData
const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
const target = new URL(url)

function send() {
  return new Promise((resolve) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers, agent, timeout: timeoutS * 1000 },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
        res.on('error', () => resolve(-1))
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (e) => resolve(e.message === 'timeout' ? -2 : -1))
    req.end(body)
  })
}

async function run() {
  const latencies = []
  let non2xx = 0
  let errors = 0
  let timeouts = 0
  const pending = []
  const total = Math.round(rate * durationS)
  const start = performance.now()
  let scheduled = 0
  while (scheduled < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1)
    for (; scheduled < due; scheduled++) {
      const at = start + (scheduled / rate) * 1000
      pending.push(
        send().then((status) => {
          latencies.push(performance.now() - at)
          if (status === -2) timeouts++
          else if (status < 0) errors++
          else if (status < 200 || status >= 300) non2xx++
        }),
      )
    }
    // the next request's time, at most a millisecond away
    const next = start + (scheduled / rate) * 1000
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(1, next - performance.now()))))
  }
  await Promise.all(pending)
  const elapsedS = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  const at = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : 0)
  const ms = (x) => Math.round(x * 10) / 10
  agent.destroy()
  return { requests: latencies.length, durationS: elapsedS, p50: ms(at(50)), p90: ms(at(90)), p99: ms(at(99)), max: ms(at(100)), non2xx, errors, timeouts }
}

run().then((result) => parentPort.postMessage(result), (e) => parentPort.postMessage({ error: String(e) }))
