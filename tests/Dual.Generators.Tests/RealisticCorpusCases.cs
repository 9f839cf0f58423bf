using System;
using System.Collections.Generic;
using System.Linq;

namespace Dual.Generators.Tests;

/// <summary>Gradient of output <paramref name="k"/> with respect to x, derived by hand; <paramref name="f"/> is the
/// method's plain value at x (used only by implicit-function oracles, e.g. dE/dM = 1/(1 − e cos E) at the solved E).</summary>
internal delegate double[] ClosedForm(double[] x, int k, double f);

/// <summary>
/// One case of the realistic corpus: the probe (in RealisticCorpus/Probes.cs) that calls the user's method, what the
/// user wants differentiated, where, and the independent oracle: a hand-derived closed form, or (when
/// <see cref="Closed"/> is null) a 5-point central finite difference of the plain method with step
/// h = ε^(1/5)·max(1, |xⱼ|), ε the machine epsilon of the method's arithmetic.
/// </summary>
internal sealed record CorpusCase(string Probe, string Domain, string Method, string Wants, string Constructs)
{
    /// <summary>Points at which the derivative is checked (each a full input vector x).</summary>
    public required double[][] Points { get; init; }

    /// <summary>Number of outputs k the probe reduces the result to (1 for a scalar result).</summary>
    public int Outputs { get; init; } = 1;

    /// <summary>Hand-derived gradient; null means the 5-point finite difference oracle.</summary>
    public ClosedForm? Closed { get; init; }

    /// <summary>The method computes in <see cref="float"/> (System.Numerics): looser default tolerances, FD step from float ε.</summary>
    public bool Single { get; init; }

    /// <summary>Scale sⱼ of each input's finite-difference step, h = ε^(1/5)·sⱼ (default sⱼ = max(1, |xⱼ|)). Needed
    /// where an input's natural scale is far below 1 (a drag coefficient of 0.01, where h = ε^(1/5) would be a 7 %
    /// step), and where the plain function has kinks close by (a Monte Carlo payoff's paths at the strike), so that
    /// the stencil stays inside one smooth piece.</summary>
    public double[]? Scales { get; init; }

    /// <summary>Tolerance of the finite-difference oracle itself: 1e-6 for double, 2e-2 for float (see <see cref="Tolerance"/>).</summary>
    public double FdTolerance => Single ? 2e-2 : 1e-6;

    /// <summary>Overrides the default tolerance (see <see cref="Tolerance"/>); <see cref="Why"/> says why.</summary>
    public double? ToleranceOverride { get; init; }

    /// <summary>Why the tolerance is what it is.</summary>
    public string? Why { get; init; }

    /// <summary>
    /// Allowed |AD − oracle| relative to the largest oracle component of that output. Defaults: closed form 1e-9
    /// (double rounding in a different evaluation order); 5-point FD 1e-6 (truncation O(h⁴) ≈ 3e-13 and rounding
    /// O(ε/h) ≈ 3e-13 relative, left wide for conditioning); float closed form 1e-4 (24-bit arithmetic, a few dozen
    /// operations); float FD 2e-2 (rounding noise ≈ 1e-6·|f| divided by h ≈ 0.04). A derivative that drops or
    /// misroutes a tangent is off by O(1) of the gradient, far outside each.
    /// </summary>
    public double Tolerance => ToleranceOverride ?? (Closed is not null, Single) switch
    {
        (true, false) => 1e-9,
        (false, false) => 1e-6,
        (true, true) => 1e-4,
        (false, true) => 2e-2,
    };
}

/// <summary>The corpus cases with their oracles. Closed forms are derived by hand from the mathematics, not from the corpus code.</summary>
internal static class RealisticCorpusCases
{
    public const string Finance = "finance";
    public const string Physics = "physics";
    public const string Ml = "ML";
    public const string Statistics = "statistics";
    public const string Geometry = "geometry";
    public const string Everyday = "everyday";

    private static double Sq(double v) => v * v;

    private static double[] Softmax(double[] z)
    {
        double m = z.Max();
        double[] e = z.Select(v => Math.Exp(v - m)).ToArray();
        double s = e.Sum();
        return e.Select(v => v / s).ToArray();
    }

    private static double[] Cross(double[] a, double[] b) =>
        new[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };

    private static double Dot(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).Sum();

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static readonly double[,] s_covariance = { { 0.04, 0.006, 0.012 }, { 0.006, 0.09, -0.003 }, { 0.012, -0.003, 0.0625 } };

    private static double[] CovTimes(double[] w) =>
        Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 3).Sum(j => s_covariance[i, j] * w[j])).ToArray();

    // Level annuity payment M(P, a) = P r / (1 − (1 + r)^−n), r = a/12, and its partials.
    private static (double M, double dP, double dA) Annuity(double principal, double annualRate, int months)
    {
        double r = annualRate / 12, d = 1 - Math.Pow(1 + r, -months);
        double m = principal * r / d;
        double dr = principal * (d - r * months * Math.Pow(1 + r, -months - 1)) / (d * d);
        return (m, r / d, dr / 12);
    }

    // Box–Muller normals of MonteCarlo.EuropeanCall, regenerated from the same seed (data, not a derivative).
    private static double[] Normals(int seed, int count)
    {
        var rng = new Random(seed);
        var z = new double[count];
        for (int i = 0; i < count; i++)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            z[i] = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        return z;
    }

    public static IReadOnlyList<CorpusCase> All { get; } = Build();

    private static List<CorpusCase> Build() => new()
    {
        // ------------------------------------------------------------------ finance
        new("NormalCdf", Finance, "Normal.Cdf (A&S erf)", "density of the erf-approximated Φ", "erf approximation, const locals, parameter reassigned, Math.Abs")
        {
            Points = [[0.7], [-1.3]],
        },
        new("BlackScholesPrice", Finance, "BlackScholes.Price", "delta, rho, vega, theta of call (k=0) and put (k=1)", "enum switch expression, throw expression, ThrowIfNegativeOrZero guards")
        {
            Points = [[105, 0.03, 0.25, 0.75], [90, 0.01, 0.4, 2.0]], Outputs = 2,
        },
        new("CallDelta", Finance, "BlackScholes.CallDelta", "gamma and vanna (∂Δ/∂S, ∂Δ/∂σ)", "private helper without [Differentiable]")
        {
            Points = [[102, 0.3]],
        },
        new("ImpliedVolatility", Finance, "BlackScholes.ImpliedVolatility", "∂σ_impl/∂price, ∂σ_impl/∂spot", "Newton loop with early return, default parameter, interpolated exception message")
        {
            Points = [[8.0, 102]],
            Why = "FD of a Newton solve converged to |ΔP| < 1e-12: σ is accurate to ~4e-14, far inside 1e-6",
        },
        new("Bachelier", Finance, "BlackScholes.BachelierCall", "∂/∂forward, ∂/∂normal vol", "record struct parameter (MarketQuote)")
        {
            Points = [[0.032, 0.008]], Scales = [0.03, 0.008],
        },
        new("EuropeanOptionValue", Finance, "EuropeanOption.Value (instance)", "delta, rho, vega of a put", "instance method, required/init properties, object initializer")
        {
            Points = [[100, 0.02, 0.3]],
        },
        new("BondPrice", Finance, "FixedIncome.Price", "dP/dy (duration)", "record class data parameter (Bond), loop")
        {
            Points = [[0.045], [0.07]],
            Closed = (x, _, _) =>
            {
                double v = 1 + x[0] / 2, g = 0;
                for (int i = 1; i <= 20; i++) g -= i * 25.0 / (2 * Math.Pow(v, i + 1));
                return new[] { g - 20 * 1000.0 / (2 * Math.Pow(v, 21)) };
            },
        },
        new("YieldToMaturity", Finance, "FixedIncome.YieldToMaturity", "dy/dprice", "Newton with an internal finite-difference slope, const local, break")
        {
            Points = [[1030], [960]],
            Closed = (x, _, y) =>
            {
                double v = 1 + y / 2, g = 0;
                for (int i = 1; i <= 20; i++) g -= i * 25.0 / (2 * Math.Pow(v, i + 1));
                return new[] { 1 / (g - 20 * 1000.0 / (2 * Math.Pow(v, 21))) };
            },
            ToleranceOverride = 1e-7,
            Why = "implicit-function oracle 1/P′(y*): the AD tangent of the Newton iterate converges to it with the iterate (|step| < 1e-12 at exit)",
        },
        new("MonthlyPayment", Finance, "Loans.MonthlyPayment", "∂payment/∂principal, ∂payment/∂rate", "early return on == 0, int parameter")
        {
            Points = [[300_000, 0.065]],
            Closed = (x, _, _) => { var a = Annuity(x[0], x[1], 360); return new[] { a.dP, a.dA }; },
        },
        new("TotalInterest", Finance, "Loans.TotalInterest", "∂total interest/∂principal, ∂/∂rate", "List<record struct>, Add, LINQ Sum with lambda, nested record")
        {
            Points = [[250_000, 0.05]],
            Closed = (x, _, _) => { var a = Annuity(x[0], x[1], 180); return new[] { 180 * a.dP - 1, 180 * a.dA }; },
            Why = "total interest = n·M − P since the balance amortises to zero",
        },
        new("PortfolioVariance", Finance, "Portfolio.Variance", "∇w of wᵀΣw", "double[,] data parameter, nested loops")
        {
            Points = [[0.5, 0.3, 0.2]],
            Closed = (x, _, _) => CovTimes(x).Select(v => 2 * v).ToArray(),
        },
        new("SharpeRatio", Finance, "Portfolio.SharpeRatio", "∇w of the Sharpe ratio", "IReadOnlyList<double>, LINQ Zip/Sum/ToArray, call to [Differentiable] sibling")
        {
            Points = [[0.5, 0.3, 0.2]],
            Closed = (x, _, _) =>
            {
                double[] mu = { 0.08, 0.05, 0.11 };
                double[] sw = CovTimes(x);
                double s = Math.Sqrt(Dot(x, sw)), e = Dot(x, mu) - 0.02;
                return Enumerable.Range(0, 3).Select(i => mu[i] / s - e * sw[i] / (s * s * s)).ToArray();
            },
        },
        new("PresentValue", Finance, "Valuation.PresentValue", "dPV/drate", "IEnumerable<record>, LINQ Sum with lambda, expression body")
        {
            Points = [[0.04]],
            Closed = (x, _, _) => new[] { -(0.5 * 30 * Math.Exp(-x[0] * 0.5) + 1 * 30 * Math.Exp(-x[0]) + 1.5 * 30 * Math.Exp(-x[0] * 1.5) + 2 * 1030 * Math.Exp(-x[0] * 2)) },
        },
        new("FutureValue", Finance, "Valuation.FutureValue", "∂FV/∂(PV, rate, years) per compounding convention", "switch expression on enum, discard arm with throw")
        {
            Points = [[1000, 0.04, 7.5]], Outputs = 4,
            Closed = (x, k, _) =>
            {
                double pv = x[0], r = x[1], y = x[2];
                double m = k switch { 0 => 1, 1 => 2, 2 => 12, _ => double.PositiveInfinity };
                if (k == 3) return new[] { Math.Exp(r * y), pv * y * Math.Exp(r * y), pv * r * Math.Exp(r * y) };
                double b = 1 + r / m, g = Math.Pow(b, m * y);
                return new[] { g, pv * y * Math.Pow(b, m * y - 1), pv * g * m * Math.Log(b) };
            },
        },
        new("DiscountFactor", Finance, "Curves.DiscountFactor", "∂DF/∂t and key-rate sensitivities ∂DF/∂zero rates", "ReadOnlySpan data + differentiated spans, index-from-end ^1, while loop")
        {
            Points = [[3.0, 0.02, 0.022, 0.025, 0.03, 0.033], [0.8, 0.02, 0.022, 0.025, 0.03, 0.033]],
            Closed = (x, _, f) =>
            {
                double[] tenors = { 0.5, 1, 2, 5, 10 };
                double t = x[0];
                int i = 0;
                while (tenors[i + 1] < t) i++;
                double w = (t - tenors[i]) / (tenors[i + 1] - tenors[i]);
                double r = (1 - w) * x[1 + i] + w * x[2 + i];
                double df = Math.Exp(-r * t);
                var g = new double[6];
                g[0] = -(r + t * (x[2 + i] - x[1 + i]) / (tenors[i + 1] - tenors[i])) * df;
                g[1 + i] = -t * (1 - w) * df;
                g[2 + i] = -t * w * df;
                return g;
            },
        },
        new("ParSwapRate", Finance, "Curves.ParSwapRate", "∂par rate/∂zero rates", "spans passed through to a [Differentiable] sibling, (int)Math.Round loop bound")
        {
            Points = [[0.02, 0.022, 0.025, 0.03, 0.033]],
        },
        new("MonteCarloCall", Finance, "MonteCarlo.EuropeanCall", "pathwise delta and vega", "new Random(seed), helper returning double from an RNG, Math.Max payoff, default parameter")
        {
            Points = [[100, 0.2]], Scales = [0.01, 1e-4],
            Closed = (x, _, _) =>
            {
                double s0 = x[0], sigma = x[1], r = 0.03, t = 1.0, drift = (r - 0.5 * sigma * sigma) * t, sd = sigma * Math.Sqrt(t);
                double dS = 0, dSigma = 0;
                foreach (double z in Normals(42, 2000))
                {
                    double st = s0 * Math.Exp(drift + sd * z);
                    if (st <= 100) continue;
                    dS += st / s0;
                    dSigma += st * (-sigma * t + Math.Sqrt(t) * z);
                }

                double scale = Math.Exp(-r * t) / 2000;
                return new[] { dS * scale, dSigma * scale };
            },
            Why = "pathwise derivative e^(−rT)/N Σ 1{S_T > K} ∂S_T, on the same seeded normals",
        },
        new("CdsParSpread", Finance, "Credit.CdsParSpread", "∂spread/∂hazard, ∂spread/∂rate", "for loop with a double counter, default parameter")
        {
            Points = [[0.02, 0.03]],
        },

        // ------------------------------------------------------------------ physics
        new("ProjectilePosition", Physics, "Ballistics.PositionAfter", "∂(x, y)/∂(speed, angle, drag)", "tuple return, Euler loop, default parameter, static constants class")
        {
            Points = [[50, 40, 0.01]], Outputs = 2, Scales = [50, 40, 0.01],
        },
        new("DampedSpringRk4", Physics, "Oscillators.DampedSpringPosition", "∂x(T)/∂stiffness, ∂/∂damping", "Func<double, double[], double[]> to an RK4 helper without [Differentiable], capturing lambda")
        {
            Points = [[4.0, 0.3]],
        },
        new("OscillatorEnergy", Physics, "Oscillators.Energy", "∂E/∂(position, velocity, stiffness)", "record struct parameter")
        {
            Points = [[0.3, -1.2, 4.0]],
            Closed = (x, _, _) => new[] { x[2] * x[0], 2 * x[1], 0.5 * x[0] * x[0] },
        },
        new("EnergyDrift", Physics, "Oscillators.EnergyDrift", "∂(energy error)/∂dt", "record struct local, `with` expression, [Differentiable] record-returning step")
        {
            Points = [[0.05]], Scales = [0.05],
        },
        new("DampedDisplacement", Physics, "Oscillators.DampedDisplacement", "∂x/∂ζ, ∂x/∂v0 (under- and overdamped)", "switch statement with relational and constant patterns, block cases")
        {
            Points = [[0.3, 0.5], [1.7, 0.5]],
        },
        new("KeplerEccentricAnomaly", Physics, "Orbits.EccentricAnomaly", "∂E/∂M, ∂E/∂e", "Newton loop with break, default parameter, ?: initial guess")
        {
            Points = [[1.1, 0.3], [4.0, 0.85]],
            Closed = (x, _, e) => { double d = 1 - x[1] * Math.Cos(e); return new[] { 1 / d, Math.Sin(e) / d }; },
            ToleranceOverride = 1e-8,
            Why = "implicit-function oracle at the solved E (|ΔE| < 1e-13 at exit)",
        },
        new("OrbitalPeriod", Physics, "Orbits.OrbitalPeriod", "dT/da", "default parameter from a const")
        {
            Points = [[7.0e6]],
            Closed = (x, _, f) => new[] { 1.5 * f / x[0] },
        },
        new("VisVivaSpeed", Physics, "Orbits.VisVivaSpeed", "∂v/∂r, ∂v/∂a", "default parameter, large magnitudes")
        {
            Points = [[7.0e6, 8.0e6]],
            Closed = (x, _, v) => new[] { -3.986004418e14 / (x[0] * x[0] * v), 3.986004418e14 / (2 * x[1] * x[1] * v) },
        },
        new("OrbitPosition", Physics, "Orbits.PositionAt", "∂(x, y)/∂(a, e, M)", "tuple return, call to [Differentiable] solver")
        {
            Points = [[7000, 0.1, 1.0]], Outputs = 2,
        },
        new("HohmannDeltaV", Physics, "Orbits.HohmannDeltaV", "∂Δv/∂r1, ∂Δv/∂r2", "calls with explicit mu, Math.Abs")
        {
            Points = [[6778, 42164]],
        },
        new("LeapfrogOrbit", Physics, "NBody.PropagateLeapfrog", "∂r(T)/∂v0", "System.Numerics.Vector3 (float) parameters and operators, private Vector3 helper")
        {
            Points = [[1.0, 0.1]], Outputs = 3, Single = true,
        },
        new("KalmanStep", Physics, "Tracking.KalmanStep", "∂state/∂(measurement, q, r)", "double[,] locals and initializers, matrix helpers without [Differentiable], tuple of arrays")
        {
            Points = [[0.3, 0.5, 0.2]], Outputs = 2,
        },
        new("KalmanLogLikelihood", Physics, "Tracking.FilterLogLikelihood", "∂logL/∂(q, r)", "tuple deconstruction into arrays, loop")
        {
            Points = [[0.5, 0.04]],
        },
        new("HeatStep", Physics, "Heat.ExplicitStep", "Jacobian of one FTCS step in u and α", "void span output, ^1, throw with interpolation")
        {
            Points = [[0.0, 0.4, 1.0, 0.6, 0.1, 2.0]], Outputs = 5,
            Closed = (x, k, _) =>
            {
                var g = new double[6];
                if (k == 0 || k == 4) { g[k] = 1; return g; }
                double r = x[5] * 0.001 / (0.1 * 0.1);
                g[k - 1] = r; g[k] = 1 - 2 * r; g[k + 1] = r;
                g[5] = 0.001 / (0.1 * 0.1) * (x[k + 1] - 2 * x[k] + x[k - 1]);
                return g;
            },
        },
        new("HeatCenter", Physics, "Heat.CenterTemperature", "∂u_mid(T)/∂α, ∂/∂u0_mid", "array Clone cast, tuple swap of arrays, span call")
        {
            Points = [[2.0, 1.0]],
        },
        new("PendulumPeriod", Physics, "Pendulum.Period", "∂T/∂L, ∂T/∂θ0", "Func<double, double> lambda to a Simpson helper without [Differentiable]")
        {
            Points = [[1.2, 0.8]],
        },
        new("SpeedOfSound", Physics, "Thermo.SpeedOfSound", "dc/dT", "default parameters")
        {
            Points = [[293.15]],
            Closed = (x, _, c) => new[] { c / (2 * x[0]) },
        },
        new("SpeedOfSoundCelsius", Physics, "Thermo.SpeedOfSoundCelsius", "dc/d°C", "public helper without [Differentiable], default arguments omitted")
        {
            Points = [[20.0]],
            Closed = (x, _, c) => new[] { c / (2 * (x[0] + 273.15)) },
        },
        new("ParticleEnergy", Physics, "ParticleSystem.TotalKineticEnergyAfter", "∂KE/∂gravity", "List<mutable struct>, field writes on a struct copy, LINQ Sum over a property")
        {
            Points = [[9.81]],
            Closed = (x, _, _) =>
            {
                double t = 100 * 0.01;
                return new[] { -1.5 * (2.0 - x[0] * t) * t - 0.5 * (0.0 - x[0] * t) * t };
            },
        },
        new("Refraction", Physics, "Optics.RefractionAngle", "∂θt/∂(θi, n1, n2)", "early return of NaN")
        {
            Points = [[0.5, 1.0, 1.33]],
            Closed = (x, _, _) =>
            {
                double s = x[1] / x[2] * Math.Sin(x[0]), d = 1 / Math.Sqrt(1 - s * s);
                return new[] { d * x[1] / x[2] * Math.Cos(x[0]), d * Math.Sin(x[0]) / x[2], -d * x[1] * Math.Sin(x[0]) / (x[2] * x[2]) };
            },
        },
        new("Schlick", Physics, "Optics.SchlickReflectance", "∂R/∂cosθ, ∂R/∂n2", "Math.Pow")
        {
            Points = [[0.8, 1.5]],
            Closed = (x, _, _) =>
            {
                double n2 = x[1], q = (1 - n2) / (1 + n2), r0 = q * q, c5 = Math.Pow(1 - x[0], 5);
                double dr0 = 2 * q * (-2 / Sq(1 + n2));
                return new[] { -5 * (1 - r0) * Math.Pow(1 - x[0], 4), dr0 * (1 - c5) };
            },
        },
        new("CoulombPotential", Physics, "Electrostatics.Potential", "electric field −∇V", "IReadOnlyList<class> data, foreach, init properties")
        {
            Points = [[0.4, -0.7]],
            Closed = (x, _, _) =>
            {
                (double q, double cx, double cy)[] charges = { (1e-9, 0, 0), (-2e-9, 1, 0.5) };
                double gx = 0, gy = 0;
                foreach (var (q, cx, cy) in charges)
                {
                    double r = Math.Sqrt(Sq(x[0] - cx) + Sq(x[1] - cy));
                    gx -= 8.9875517923e9 * q * (x[0] - cx) / (r * r * r);
                    gy -= 8.9875517923e9 * q * (x[1] - cy) / (r * r * r);
                }

                return new[] { gx, gy };
            },
        },

        // ------------------------------------------------------------------ machine learning
        new("MeanSquaredError", Ml, "Losses.MeanSquaredError", "∇ predictions", "LINQ Zip with selector, Average, guard throw")
        {
            Points = [[0.8, 0.9, 0.1]],
            Closed = (x, _, _) => new[] { 2 * (x[0] - 1.0) / 3, 2 * (x[1] - 0.5) / 3, 2 * (x[2] + 0.2) / 3 },
        },
        new("BinaryCrossEntropy", Ml, "Losses.BinaryCrossEntropy", "∇ probabilities", "Math.Clamp, int[] labels, ?: on labels")
        {
            Points = [[0.7, 0.2, 0.9]],
            Closed = (x, _, _) => new[] { -1 / (3 * x[0]), 1 / (3 * (1 - x[1])), -1 / (3 * x[2]) },
        },
        new("SoftmaxCrossEntropy", Ml, "Losses.SoftmaxCrossEntropy", "∇ logits (softmax − one-hot)", "ReadOnlySpan, foreach, Math.Max running maximum from −∞")
        {
            Points = [[0.5, -1.0, 2.0, 0.3]],
            Closed = (x, _, _) => { var p = Softmax(x); p[2] -= 1; return p; },
        },
        new("Huber", Ml, "Losses.Huber", "d loss/d residual (both regimes)", "switch expression with `var a when` patterns, default parameter")
        {
            Points = [[0.4], [-2.5]],
            Closed = (x, _, _) => new[] { Math.Abs(x[0]) <= 1 ? x[0] : Math.Sign(x[0]) * 1.0 },
        },
        new("KlDivergenceNormal", Ml, "Losses.KlDivergenceNormal", "∇ of KL(N1‖N2) in all four parameters", "expression body")
        {
            Points = [[0.3, 1.2, -0.5, 0.8]],
            Closed = (x, _, _) =>
            {
                double m1 = x[0], s1 = x[1], m2 = x[2], s2 = x[3];
                return new[] { (m1 - m2) / (s2 * s2), -1 / s1 + s1 / (s2 * s2), -(m1 - m2) / (s2 * s2), 1 / s2 - (s1 * s1 + Sq(m1 - m2)) / (s2 * s2 * s2) };
            },
        },
        new("EmpiricalRisk", Ml, "Risk.Empirical", "∇ predictions", "interface call (ILoss strategy)")
        {
            Points = [[0.9, -0.4]],
            Closed = (x, _, _) => new[] { x[0] - 0.5, x[1] + 1.0 },
        },
        new("Softmax", Ml, "Activations.Softmax", "Jacobian diag(p) − ppᵀ", "LINQ Max/Select/ToArray/Sum returning double[]")
        {
            Points = [[0.5, -1.0, 2.0]], Outputs = 3,
            Closed = (x, k, _) => { var p = Softmax(x); return Enumerable.Range(0, 3).Select(j => p[k] * ((j == k ? 1 : 0) - p[j])).ToArray(); },
        },
        new("Gelu", Ml, "Activations.Gelu", "GELU′(x)", "expression body, Math.Tanh")
        {
            Points = [[0.7], [-1.4]],
            Closed = (x, _, _) =>
            {
                double c = Math.Sqrt(2 / Math.PI), v = x[0], u = c * (v + 0.044715 * v * v * v), t = Math.Tanh(u);
                return new[] { 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * c * (1 + 3 * 0.044715 * v * v) };
            },
        },
        new("Softplus", Ml, "Activations.Softplus", "σ(x)", "?: overflow guard")
        {
            Points = [[1.3], [25]],
            Closed = (x, _, _) => new[] { x[0] > 20 ? 1.0 : 1 / (1 + Math.Exp(-x[0])) },
        },
        new("ActivationApply", Ml, "Activations.Apply", "derivative of each activation (k = enum value)", "enum switch expression, helper Sigmoid without [Differentiable]")
        {
            Points = [[0.7]], Outputs = 4,
            Closed = (x, k, _) =>
            {
                double v = x[0], t = Math.Tanh(v), s = 1 / (1 + Math.Exp(-v));
                return new[] { k switch { 0 => 1.0, 1 => v > 0 ? 1.0 : 0.0, 2 => 1 - t * t, _ => s * (1 - s) } };
            },
        },
        new("DenseLayer", Ml, "Layers.Dense", "∂outputs/∂weights", "double[,] weights, double[] data input, returns double[], calls Apply")
        {
            Points = [[0.2, -0.1, 0.4, 0.3, 0.5, -0.6]], Outputs = 2,
            Closed = (x, k, _) =>
            {
                double[] input = { 0.5, -1.0, 2.0 }, bias = { 0.1, -0.2 };
                double z = bias[k] + x[3 * k] * input[0] + x[3 * k + 1] * input[1] + x[3 * k + 2] * input[2];
                double d = 1 - Math.Tanh(z) * Math.Tanh(z);
                var g = new double[6];
                for (int i = 0; i < 3; i++) g[3 * k + i] = d * input[i];
                return g;
            },
        },
        new("BatchNormalize", Ml, "Layers.BatchNormalize", "Jacobian of normalised outputs", "LINQ Average/Select capturing a local, default parameters")
        {
            Points = [[0.5, 1.5, -0.3, 2.2]], Outputs = 4,
        },
        new("TinyMlpLoss", Ml, "TinyMlp.Loss", "∇ of the loss in all 17 parameters", "ReadOnlySpan parameters beside double[][] data, const ints")
        {
            Points = [[0.5, -0.4, 0.1, 0.3, 0.8, -0.2, -0.6, 0.2, 0.4, 0.7, 0.7, -0.3, 1.1, -0.9, 0.6, 0.8, -0.1]],
        },
        new("LogisticRegressionNll", Ml, "LogisticRegression.NegativeLogLikelihood", "∇ weights and bias", "double[][] and int[] data, sigmoid helper without [Differentiable], LINQ Sum, default parameter")
        {
            Points = [[0.4, -0.3, 0.1]],
            Closed = (x, _, _) =>
            {
                double[][] f = { new[] { 0.5, 1.2 }, new[] { -1.0, 0.3 }, new[] { 2.0, -0.7 }, new[] { 0.1, 0.1 } };
                int[] y = { 1, 0, 1, 0 };
                var g = new double[3];
                for (int i = 0; i < 4; i++)
                {
                    double p = 1 / (1 + Math.Exp(-(x[2] + x[0] * f[i][0] + x[1] * f[i][1])));
                    g[0] += (p - y[i]) * f[i][0] / 4;
                    g[1] += (p - y[i]) * f[i][1] / 4;
                    g[2] += (p - y[i]) / 4;
                }

                g[0] += 0.1 * x[0];
                g[1] += 0.1 * x[1];
                return g;
            },
        },
        new("L2Penalty", Ml, "Regularization.L2", "∇ weights", "IReadOnlyList<double>, LINQ Sum with lambda")
        {
            Points = [[0.4, -1.2, 2.0]],
            Closed = (x, _, _) => x.Select(w => 0.1 * w).ToArray(),
        },
        new("ElasticNet", Ml, "Regularization.ElasticNet", "∇ weights", "foreach, Math.Abs")
        {
            Points = [[0.4, -1.2, 2.0]],
            Closed = (x, _, _) => x.Select(w => 0.1 * (0.3 * Math.Sign(w) + 0.7 * w)).ToArray(),
        },
        new("FitLineInfluence", Ml, "Training.FitLine", "∂(slope, intercept)/∂targets (influence)", "tuple return, gradient-descent loop, default parameters")
        {
            Points = [[2.1, 3.9, 6.2, 7.8]], Outputs = 2,
        },
        new("CosineSimilarity", Ml, "Similarity.Cosine", "∇a", "LINQ Zip() to tuples, Sum with lambdas")
        {
            Points = [[0.3, -1.1, 0.8]],
            Closed = (x, _, _) =>
            {
                double[] b = { 1.0, 2.0, -0.5 };
                double na = Norm(x), nb = Norm(b), cos = Dot(x, b) / (na * nb);
                return Enumerable.Range(0, 3).Select(i => b[i] / (na * nb) - cos * x[i] / (na * na)).ToArray();
            },
        },
        new("RbfKernel", Ml, "Similarity.RbfKernel", "∇a, ∂/∂length scale", "for loop over two arrays")
        {
            Points = [[0.2, 0.4, 0.9]],
            Closed = (x, _, kv) =>
            {
                double l = x[2], d0 = x[0] - 0.5, d1 = x[1] + 0.3, s = d0 * d0 + d1 * d1;
                return new[] { -kv * d0 / (l * l), -kv * d1 / (l * l), kv * s / (l * l * l) };
            },
        },
        new("LogSumExp", Ml, "Similarity.LogSumExp", "softmax", "IEnumerable<double>, LINQ Max/Sum, double.IsNegativeInfinity")
        {
            Points = [[0.5, -1.0, 2.0]],
            Closed = (x, _, _) => Softmax(x),
        },

        // ------------------------------------------------------------------ statistics
        new("SampleVariance", Statistics, "Descriptive.Variance", "∂s²/∂xᵢ", "IReadOnlyList<double>, LINQ Average/Sum, Count")
        {
            Points = [[2.0, 4.5, 1.0, 3.3, 5.1]],
            Closed = (x, _, _) => { double m = x.Average(); return x.Select(v => 2 * (v - m) / 4).ToArray(); },
        },
        new("Covariance", Statistics, "Descriptive.Covariance", "∂cov/∂xᵢ", "two arrays, compound assignments")
        {
            Points = [[2.0, 4.5, 1.0, 3.3]],
            Closed = (_, _, _) => { double[] y = { 1.0, 3.0, 2.0, 5.0 }; double m = y.Average(); return y.Select(v => (v - m) / 3).ToArray(); },
        },
        new("Correlation", Statistics, "Descriptive.Correlation", "∂ρ/∂xᵢ", "double[] passed as IReadOnlyList<double> to [Differentiable] siblings")
        {
            Points = [[2.0, 4.5, 1.0, 3.3]],
        },
        new("Median", Statistics, "Descriptive.Median", "∂median/∂xᵢ", "LINQ OrderBy/ToArray")
        {
            Points = [[3.1, 1.2, 5.0, 2.2, 4.4]],
            Closed = (x, _, _) =>
            {
                int mid = Enumerable.Range(0, 5).OrderBy(i => x[i]).ElementAt(2);
                var g = new double[5];
                g[mid] = 1;
                return g;
            },
        },
        new("WeightedMean", Statistics, "Descriptive.WeightedMean", "∂/∂values, ∂/∂weights", "array of named tuples, foreach deconstruction")
        {
            Points = [[1.0, 2.0, 4.0, 0.5, 0.3, 0.2]],
            Closed = (x, _, mean) =>
            {
                double w = x[3] + x[4] + x[5];
                return new[] { x[3] / w, x[4] / w, x[5] / w, (x[0] - mean) / w, (x[1] - mean) / w, (x[2] - mean) / w };
            },
        },
        new("OnlineVariance", Statistics, "Descriptive.OnlineVariance", "∂s²/∂xᵢ", "mutable struct with methods (Welford), readonly properties")
        {
            Points = [[2.0, 4.5, 1.0, 3.3, 5.1]],
            Closed = (x, _, _) => { double m = x.Average(); return x.Select(v => 2 * (v - m) / 4).ToArray(); },
        },
        new("NormalLogLikelihood", Statistics, "Likelihood.NormalLogLikelihood", "∂logL/∂μ, ∂logL/∂σ", "static readonly double field, foreach")
        {
            Points = [[1.2, 0.6]],
            Closed = (x, _, _) =>
            {
                double[] d = { 1.2, 0.7, 2.3, 1.9, 0.4, 1.1 };
                double mu = x[0], s = x[1];
                return new[] { d.Sum(v => v - mu) / (s * s), -d.Length / s + d.Sum(v => Sq(v - mu)) / (s * s * s) };
            },
        },
        new("PoissonLogLikelihood", Statistics, "Likelihood.PoissonLogLikelihood", "∂logL/∂λ", "int[] data, Math.Log of an int")
        {
            Points = [[2.5]],
            Closed = (x, _, _) => new[] { 14 / x[0] - 5 },
        },
        new("MixtureLogLikelihood", Statistics, "Likelihood.GaussianMixtureLogLikelihood", "∇ in weight, means, sigmas", "static local function declared after return")
        {
            Points = [[0.4, -1.0, 0.5, 2.1, 0.4]],
        },
        new("OrdinaryLeastSquares", Statistics, "Regression.OrdinaryLeastSquares", "∂(slope, intercept)/∂yᵢ", "IReadOnlyList of named tuples, LINQ Average/Sum with member access, tuple return")
        {
            Points = [[2.1, 3.9, 6.2, 7.8]], Outputs = 2,
            Closed = (_, k, _) =>
            {
                double[] xs = { 1, 2, 3, 4 };
                double mx = 2.5, sxx = xs.Sum(v => Sq(v - mx));
                return xs.Select(v => k == 0 ? (v - mx) / sxx : 0.25 - mx * (v - mx) / sxx).ToArray();
            },
        },
        new("ExponentialMovingAverage", Statistics, "TimeSeries.ExponentialMovingAverage", "∂EMA/∂α, ∂EMA/∂last price", "List<double> with indexer and Count")
        {
            Points = [[0.3, 11.0]],
        },

        // ------------------------------------------------------------------ geometry
        new("TriangleArea", Geometry, "Mesh.TriangleArea", "∂area/∂vertices", "user record struct Vec3 with operators, Cross, Length property")
        {
            Points = [[0.0, 0.1, 0.2, 1.5, 0.3, -0.1, 0.4, 1.2, 0.6]],
        },
        new("SignedVolume", Geometry, "Mesh.SignedVolume", "∂volume/∂vertices", "user record struct Vec3, Dot/Cross instance methods")
        {
            Points = [[1.0, 0.2, 0.1, 0.3, 1.4, -0.2, 0.1, 0.5, 0.9]],
            Closed = (x, _, _) =>
            {
                double[] a = x[0..3], b = x[3..6], c = x[6..9];
                return Cross(b, c).Concat(Cross(c, a)).Concat(Cross(a, b)).Select(v => v / 6).ToArray();
            },
        },
        new("AngleBetween", Geometry, "Kinematics.AngleBetween", "∂angle/∂a", "Vector3.Dot/Normalize, MathF.Acos, Math.Clamp on float")
        {
            Points = [[1.0, 0.5, -0.2]], Single = true,
            Closed = (x, _, _) =>
            {
                double[] b = { 0.3, -0.4, 1.2 };
                double na = Norm(x), nb = Norm(b), cos = Dot(x, b) / (na * nb), sin = Math.Sqrt(1 - cos * cos);
                return Enumerable.Range(0, 3).Select(i => -(b[i] / nb - cos * x[i] / na) / (na * sin)).ToArray();
            },
        },
        new("RotateAboutAxis", Geometry, "Kinematics.RotateAboutAxis", "∂rotated/∂angle", "Quaternion.CreateFromAxisAngle, Vector3.Transform")
        {
            Points = [[0.7]], Outputs = 3, Single = true,
            Closed = (x, k, _) =>
            {
                double[] v = { 1, 2, 0.5 }, n = { 0, 0.6, 0.8 };
                double[] nxv = Cross(n, v);
                double nv = Dot(n, v), th = x[0];
                return new[] { -v[k] * Math.Sin(th) + nxv[k] * Math.Cos(th) + n[k] * nv * Math.Sin(th) };
            },
        },
        new("DistanceToSegment", Geometry, "Kinematics.DistanceToSegment", "∂distance/∂point", "Vector3 operators, LengthSquared, Distance, Math.Clamp")
        {
            Points = [[0.7, 0.4, -0.3], [2.6, 0.5, 0.2]], Single = true,
            Closed = (x, _, _) =>
            {
                double[] q = { Math.Clamp(x[0], 0, 2), 0, 0 };
                double[] d = { x[0] - q[0], x[1], x[2] };
                double n = Norm(d);
                return d.Select(v => v / n).ToArray();
            },
        },
        new("RaySphere", Geometry, "Kinematics.RaySphereDistance", "∂t/∂center x, ∂t/∂radius", "Vector3 data and differentiated float, early return")
        {
            Points = [[0.3, 1.5]], Single = true,
            Closed = (x, _, _) => { double disc = x[1] * x[1] - x[0] * x[0] - 0.04; return new[] { x[0] / Math.Sqrt(disc), -x[1] / Math.Sqrt(disc) }; },
        },
        new("CubicBezier", Geometry, "Curves2D.CubicBezier", "tangent dB/dt", "Vector2.Lerp, multiple declarators")
        {
            Points = [[0.35]], Outputs = 2, Single = true,
            Closed = (x, k, _) =>
            {
                double t = x[0];
                double[][] p = { new[] { 0.0, 0.0 }, new[] { 1.0, 2.0 }, new[] { 3.0, 3.0 }, new[] { 4.0, 0.0 } };
                return new[] { 3 * (Sq(1 - t) * (p[1][k] - p[0][k]) + 2 * (1 - t) * t * (p[2][k] - p[1][k]) + t * t * (p[3][k] - p[2][k])) };
            },
        },
        new("PolygonArea", Geometry, "Polygons.Area", "∂area/∂vertices", "IReadOnlyList of named tuples, deconstruction, modulo index")
        {
            Points = [[0.0, 0.0, 2.0, 0.1, 2.2, 1.5, -0.1, 1.2]],
            Closed = (x, _, _) =>
            {
                double sum = 0;
                for (int i = 0; i < 4; i++) sum += x[2 * i] * x[(2 * i + 3) % 8] - x[(2 * i + 2) % 8] * x[2 * i + 1];
                var g = new double[8];
                for (int i = 0; i < 4; i++)
                {
                    int next = (i + 1) % 4, prev = (i + 3) % 4;
                    g[2 * i] = 0.5 * Math.Sign(sum) * (x[2 * next + 1] - x[2 * prev + 1]);
                    g[2 * i + 1] = 0.5 * Math.Sign(sum) * (x[2 * prev] - x[2 * next]);
                }

                return g;
            },
        },
        new("Rotate2D", Geometry, "Polygons.Rotate", "∂rotated point/∂(point, angle)", "tuple parameter and return, Math.SinCos deconstruction")
        {
            Points = [[1.5, -0.5, 0.6]], Outputs = 2,
            Closed = (x, k, _) =>
            {
                double s = Math.Sin(x[2]), c = Math.Cos(x[2]);
                return k == 0 ? new[] { c, -s, -s * x[0] - c * x[1] } : new[] { s, c, c * x[0] - s * x[1] };
            },
        },
        new("Haversine", Geometry, "GeoDistance.Haversine", "∂distance/∂coordinates", "private helper without [Differentiable], const field")
        {
            Points = [[51.5, -0.13, 48.86, 2.35]],
        },

        // ------------------------------------------------------------------ everyday code
        new("ShippingCost", Everyday, "Pricing.ShippingCost", "∂cost/∂weight, ∂cost/∂distance", "enum switch expression, logging through an Action<string> field, interpolation with format specifiers")
        {
            Points = [[2.5, 800]],
            Closed = (x, _, _) => new[] { 0.85 + 0.002 * x[1] / (2 * Math.Sqrt(x[0])), 0.002 * Math.Sqrt(x[0]) },
        },
        new("IncomeTax", Everyday, "Pricing.IncomeTax", "marginal rate", "static readonly array of named tuples, double.PositiveInfinity, break")
        {
            Points = [[50_000], [150_000], [250_000]],
            Closed = (x, _, _) => new[] { x[0] switch { < 11_000 => 0.10, < 44_725 => 0.12, < 95_375 => 0.22, < 182_100 => 0.24, _ => 0.32 } },
        },
        new("DiscountedNamedArgs", Everyday, "Pricing.Discounted", "∂/∂amount, ∂/∂rate", "default parameters, named arguments at the call")
        {
            Points = [[1000, 0.05]],
            Closed = (x, _, _) => new[] { 1 / Math.Pow(1 + x[1], 3), -3 * x[0] / Math.Pow(1 + x[1], 4) },
        },
        new("PolynomialParams", Everyday, "Polynomials.Evaluate", "∂p/∂x and ∂p/∂coefficients", "params double[] called with expanded arguments, Horner loop")
        {
            Points = [[1.3, 1.0, -3.0, 0.5, 2.0]],
            Closed = (x, _, _) =>
            {
                double v = x[0];
                return new[] { x[2] + 2 * x[3] * v + 3 * x[4] * v * v, 1, v, v * v, v * v * v };
            },
        },
        new("QuadraticRoots", Everyday, "Algebra.QuadraticRoots", "∂roots/∂(a, b, c)", "tuple return, Math.CopySign, throw with interpolation")
        {
            Points = [[1.0, -3.0, 1.5]], Outputs = 2,
            Closed = (x, _, r) => { double d = 2 * x[0] * r + x[1]; return new[] { -r * r / d, -r / d, -1 / d }; },
        },
        new("SavingsAccrual", Everyday, "Banking.AccrueMonths", "∂balance/∂(initial balance, rate)", "record class with string member, `with` in a loop")
        {
            Points = [[1000, 0.04]],
            Closed = (x, _, _) => new[] { Math.Pow(1 + x[1] / 12, 24), x[0] * 2 * Math.Pow(1 + x[1] / 12, 23) },
        },
        new("PidUpdate", Everyday, "PidController.Update (instance)", "∂output/∂(setpoint, measurement)", "instance method writing its own double fields (state), init properties")
        {
            Points = [[20.0, 18.5]],
            Closed = (_, _, _) => new[] { 1.2 + 0.4 * 0.1 + 0.05 / 0.1, -(1.2 + 0.4 * 0.1 + 0.05 / 0.1) },
        },
        new("ThermistorTryCatch", Everyday, "Sensors.CalibratedTemperature", "∂T/∂(voltage, gain, offset)", "lock, try/catch around the computation, digit separators")
        {
            Points = [[1.2, 1.01, -0.3]],
        },
        new("SmoothedReadingUsing", Everyday, "Sensors.SmoothedReading", "∂reading/∂smoothing", "using declaration, try/finally, nameof")
        {
            Points = [[0.35]],
        },
        new("SmoothStepExtensions", Everyday, "Easing.SmoothStep", "∂/∂x", "extension methods on double without [Differentiable]")
        {
            Points = [[0.7]],
            Closed = (x, _, _) => { double t = x[0] / 2; return new[] { 6 * t * (1 - t) / 2 }; },
        },
        new("ApplyCapNullable", Everyday, "Easing.ApplyCap", "∂/∂value, ∂/∂cap", "double? parameter with default, property pattern `is { } c`")
        {
            Points = [[3.0, 2.5]],
            Closed = (_, _, _) => new[] { 0.0, 1.0 },
        },
        new("GenericHypotenuse", Everyday, "GenericGeometry.Hypotenuse<T>", "∂/∂a, ∂/∂b", "generic method over IFloatingPoint<T>, IRootFunctions<T>")
        {
            Points = [[3.0, 4.0]],
            Closed = (x, _, h) => new[] { x[0] / h, x[1] / h },
        },
        new("DictionaryScore", Everyday, "Scoring.LinearScore", "∂score/∂feature values", "IReadOnlyDictionary<string, double>, KeyValuePair deconstruction, TryGetValue out")
        {
            Points = [[42, 55_000]],
            Closed = (_, _, _) => new[] { 0.3, 0.001 },
        },
        new("GaussLegendreDelegate", Everyday, "Integration.ExpectedDiscountedPayoff", "∂/∂rate, ∂/∂horizon", "Func<double, double> lambda to a quadrature helper without [Differentiable], static readonly node tables")
        {
            Points = [[0.05, 3.0]],
        },
        new("BodyMassIndex", Everyday, "Health.BodyMassIndex", "∂BMI/∂weight, ∂BMI/∂height", "consts from another class, Math.Pow")
        {
            Points = [[165, 5.8]],
            Closed = (x, _, _) =>
            {
                double k = 0.45359237, m = 0.3048;
                return new[] { k / Sq(x[1] * m), -2 * x[0] * k / (m * m * x[1] * x[1] * x[1]) };
            },
        },
        new("HeatIndex", Everyday, "Health.HeatIndex", "∂HI/∂T, ∂HI/∂RH (both formulas)", "early return, multi-line polynomial")
        {
            Points = [[90, 60], [70, 40]],
        },
        new("SmoothedEnergyStackalloc", Everyday, "SignalProcessing.SmoothedEnergy", "∇ signal", "conditional stackalloc/new into Span<double>, default parameter, foreach over span")
        {
            Points = [[0.5, 1.2, -0.4, 0.9, 2.0]],
        },
    };
}
