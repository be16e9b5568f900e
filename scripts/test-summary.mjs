// Prints vitest's JSON report as one plain closing line ("N passed, N failed"),
// the form CI reads whatever the runner.
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'))
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`)
process.exitCode = report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0
