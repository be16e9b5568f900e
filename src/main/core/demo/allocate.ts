/**
 * Splits `total` into integer shares proportional to `weights` (largest
 * remainder, ties to the lower index), so sizes stay exact while the spread
 * follows the weights. All-zero weights get nothing: the caller decides.
 */
export function allocateProportionally(total: number, weights: ArrayLike<number>): Int32Array {
  const shares = new Int32Array(weights.length)
  let sum = 0
  for (let i = 0; i < weights.length; i++) sum += weights[i]
  if (sum <= 0 || total <= 0) return shares
  const remainders = new Float64Array(weights.length)
  let given = 0
  for (let i = 0; i < weights.length; i++) {
    const exact = (total * weights[i]) / sum
    shares[i] = Math.floor(exact)
    remainders[i] = exact - shares[i]
    given += shares[i]
  }
  const order = Array.from({ length: weights.length }, (_, i) => i)
    .filter((i) => weights[i] > 0)
    .sort((x, y) => remainders[y] - remainders[x] || x - y)
  for (let k = 0; given < total; k = (k + 1) % order.length, given++) shares[order[k]]++
  return shares
}
