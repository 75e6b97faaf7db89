/**
 * Q_KS(λ) = P(K > λ) for Kolmogorov's limiting distribution: the alternating series
 * 2 Σ (-1)^(j-1) exp(-2 j² λ²) for large λ and the Jacobi-theta form
 * 1 - √(2π)/λ Σ exp(-(2j-1)² π² / (8λ²)) for small λ (Press et al., Numerical Recipes,
 * 3rd ed., §6.14.12), each of which converges in a few terms on its side.
 */
export function kolmogorovSurvival(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1.18) {
    const y = Math.exp(-(Math.PI * Math.PI) / (8 * lambda * lambda));
    const cdf = (Math.sqrt(2 * Math.PI) / lambda) * (y + y ** 9 + y ** 25 + y ** 49);
    return Math.max(0, Math.min(1, 1 - cdf));
  }
  const x = Math.exp(-2 * lambda * lambda);
  return 2 * (x - x ** 4 + x ** 9 - x ** 16 + x ** 25);
}
