/** This process's peak resident set size so far, in MB (Linux reports `maxRSS` in KiB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
