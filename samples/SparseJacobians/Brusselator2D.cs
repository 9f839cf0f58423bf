using System;
using System.Numerics;

namespace Dual.Samples.SparseJacobians;

/// <summary>
/// The 2-D Brusselator reaction–diffusion right-hand side, as in the SciML sparse-AD benchmark
/// (SciMLBenchmarks AutomaticDifferentiationSparse/BrusselatorSparseAD): an N×N grid on [0, 1]² with spacing
/// 1/(N − 1), periodic boundaries, species u and v, A = 3.4, B = 1, α = 10/Δx², and a forcing of 5 inside the disc of
/// radius 0.1 around (0.3, 0.6) from t = 1.1 on:
/// <code>
/// u' = α(u_W + u_E + u_N + u_S − 4u) + B + u²v − (A + 1)u + f(x, y, t)
/// v' = α(v_W + v_E + v_N + v_S − 4v) + Au − u²v
/// </code>
/// The state is [u; v] with u at i + N·j (i along x), so n = 2N²; each row of the Jacobian has six entries.
/// </summary>
public readonly struct Brusselator2D : IVectorFunction
{
    /// <summary>The reaction constants.</summary>
    public const double A = 3.4, B = 1.0, Alpha = 10.0;

    /// <summary>A grid of <paramref name="n"/>×<paramref name="n"/> points at time <paramref name="time"/>.</summary>
    public Brusselator2D(int n, double time = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        N = n;
        Time = time;
    }

    /// <summary>Points per side.</summary>
    public int N { get; }

    /// <summary>The time (only the forcing depends on it).</summary>
    public double Time { get; }

    /// <summary>The state length 2N².</summary>
    public int Length => 2 * N * N;

    /// <summary>The grid spacing 1/(N − 1) (the grid includes both ends, as Julia's range(0, 1, length = N)).</summary>
    public double Spacing => 1.0 / (N - 1);

    /// <summary>The same grid at another time.</summary>
    public Brusselator2D At(double time) => new(N, time);

    /// <summary>The forcing: 5 inside the disc (x − 0.3)² + (y − 0.6)² ≤ 0.1² once t ≥ 1.1, else 0.</summary>
    public static double Forcing(double x, double y, double t) => (x - 0.3) * (x - 0.3) + (y - 0.6) * (y - 0.6) <= 0.1 * 0.1 && t >= 1.1 ? 5.0 : 0.0;

    /// <summary>The SciML initial state: u = 22(y(1 − y))^{3/2}, v = 27(x(1 − x))^{3/2}.</summary>
    public double[] InitialState()
    {
        int n = N;
        var state = new double[Length];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double x = i * Spacing, y = j * Spacing;
                state[i + n * j] = 22 * Math.Pow(y * (1 - y), 1.5);
                state[n * n + i + n * j] = 27 * Math.Pow(x * (1 - x), 1.5);
            }
        }
        return state;
    }

    /// <inheritdoc/>
    public void Evaluate<TNum>(ReadOnlySpan<TNum> state, Span<TNum> derivative) where TNum : IFloatingPointIeee754<TNum>
    {
        int n = N, nn = n * n;
        double h = Spacing;
        TNum alpha = TNum.CreateTruncating(Alpha / (h * h)), four = TNum.CreateTruncating(4.0);
        TNum a = TNum.CreateTruncating(A), b = TNum.CreateTruncating(B), aPlusOne = TNum.CreateTruncating(A + 1);
        ReadOnlySpan<TNum> u = state[..nn], v = state[nn..];
        for (int j = 0; j < n; j++)
        {
            int north = (j + 1 == n ? 0 : j + 1) * n, south = (j == 0 ? n - 1 : j - 1) * n, row = j * n;
            for (int i = 0; i < n; i++)
            {
                int east = i + 1 == n ? 0 : i + 1, west = i == 0 ? n - 1 : i - 1, c = row + i;
                TNum uc = u[c], vc = v[c];
                TNum u2v = uc * uc * vc;
                TNum forcing = TNum.CreateTruncating(Forcing(i * h, j * h, Time));
                derivative[c] = alpha * (u[row + west] + u[row + east] + u[north + i] + u[south + i] - four * uc) + b + u2v - aPlusOne * uc + forcing;
                derivative[nn + c] = alpha * (v[row + west] + v[row + east] + v[north + i] + v[south + i] - four * vc) + a * uc - u2v;
            }
        }
    }
}
