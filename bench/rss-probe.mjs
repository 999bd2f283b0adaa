// Loaded with `node --import` into a process under measurement: answers "memory" on the
// IPC channel with the most memory the process has held so far, and what it holds now.
if (process.send) {
  process.on('message', (message) => {
    if (message !== 'memory') return
    process.send({
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      rssBytes: process.memoryUsage().rss,
    })
  })
  // The probe must not keep a process alive that would otherwise exit.
  process.channel?.unref()
}
