// Lanczos approximation with g = 671/128 and 14 terms (Press et al., Numerical Recipes,
// 3rd ed., §6.1 gammln): about 1e-15 relative for x > 0.
const COEFFICIENTS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  0.00003399464998481189, 0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275,
  -0.000026190838401581408, 0.0000036899182659531625,
] as const;
const SQRT_TWO_PI = 2.5066282746310007;

/** ln Γ(x) for x > 0 (NaN otherwise). */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let denominator = x;
  let series = 0.9999999999999971;
  for (const coefficient of COEFFICIENTS) {
    denominator += 1;
    series += coefficient / denominator;
  }
  const shifted = x + 5.2421875;
  return (x + 0.5) * Math.log(shifted) - shifted + Math.log((SQRT_TWO_PI * series) / x);
}
