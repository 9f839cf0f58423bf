using System;
using System.Numerics;

namespace Dual.Samples.LeastSquares;

/// <summary>Residuals of y = a·exp(−b·t) + c: rᵢ(θ) = a·exp(−b·tᵢ) + c − yᵢ, θ = (a, b, c).</summary>
/// <param name="T">The sample times.</param>
/// <param name="Y">The observations.</param>
public readonly record struct DecayResiduals(double[] T, double[] Y) : IVectorFunction
{
    /// <inheritdoc/>
    public void Evaluate<TNum>(ReadOnlySpan<TNum> theta, Span<TNum> r) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum a = theta[0], b = theta[1], c = theta[2];
        for (int i = 0; i < T.Length; i++)
        {
            TNum t = TNum.CreateChecked(T[i]);
            r[i] = a * TNum.Exp(-b * t) + c - TNum.CreateChecked(Y[i]);
        }
    }
}

/// <summary>Residuals of the linear model y = θ₀ + θ₁t + θ₂t²: r = Xθ − y with rows Xᵢ = (1, tᵢ, tᵢ²).</summary>
/// <param name="T">The sample times.</param>
/// <param name="Y">The observations.</param>
public readonly record struct QuadraticResiduals(double[] T, double[] Y) : IVectorFunction
{
    /// <inheritdoc/>
    public void Evaluate<TNum>(ReadOnlySpan<TNum> theta, Span<TNum> r) where TNum : IFloatingPointIeee754<TNum>
    {
        for (int i = 0; i < T.Length; i++)
        {
            TNum t = TNum.CreateChecked(T[i]);
            r[i] = theta[0] + theta[1] * t + theta[2] * t * t - TNum.CreateChecked(Y[i]);
        }
    }

    /// <summary>The design matrix X (m×3, row-major), written by hand for the normal equations.</summary>
    public double[] DesignMatrix()
    {
        var x = new double[T.Length * 3];
        for (int i = 0; i < T.Length; i++)
        {
            x[i * 3] = 1;
            x[i * 3 + 1] = T[i];
            x[i * 3 + 2] = T[i] * T[i];
        }
        return x;
    }
}

/// <summary>The nonlinear fit.</summary>
/// <param name="True">The parameters the data were drawn from (a, b, c).</param>
/// <param name="Start">θ₀.</param>
/// <param name="Noise">The noise standard deviation σ.</param>
/// <param name="Fit">The Levenberg–Marquardt result.</param>
/// <param name="StandardErrors">√diag(s²(JᵀJ)⁻¹), s² = ‖r‖²/(m − n): the parameters' estimated standard errors.</param>
public sealed record DecayFit(double[] True, double[] Start, double Noise, LmResult Fit, double[] StandardErrors);

/// <summary>The linear fit, two ways.</summary>
/// <param name="True">The generating coefficients.</param>
/// <param name="Fit">Levenberg–Marquardt with the AD Jacobian.</param>
/// <param name="NormalEquations">θ = (XᵀX)⁻¹Xᵀy with X written by hand.</param>
/// <param name="MaxDifference">max |θ_LM − θ_normal|.</param>
/// <param name="JacobianMinusDesign">max |J_AD − X|: for a linear model the Jacobian is the design matrix.</param>
public sealed record LinearFit(double[] True, LmResult Fit, double[] NormalEquations, double MaxDifference, double JacobianMinusDesign);

/// <summary>Both fits.</summary>
public sealed record LeastSquaresResult(DecayFit Decay, LinearFit Linear);

/// <summary>Curve fitting with AD Jacobians.</summary>
public static class LeastSquaresExample
{
    /// <summary>The noise σ added to every observation.</summary>
    public const double Noise = 0.02;

    /// <summary>The number of observations.</summary>
    public const int Points = 50;

    /// <summary>Runs both fits on synthetic data from a fixed seed.</summary>
    /// <param name="seed">The random seed.</param>
    public static LeastSquaresResult Run(int seed = 42)
    {
        var random = new Random(seed);
        var t = new double[Points];
        for (int i = 0; i < Points; i++) { t[i] = 4.0 * i / (Points - 1); }

        // y = 2.5·exp(−1.3·t) + 0.5 + noise
        double[] trueDecay = [2.5, 1.3, 0.5];
        var yDecay = new double[Points];
        for (int i = 0; i < Points; i++)
        {
            yDecay[i] = trueDecay[0] * Math.Exp(-trueDecay[1] * t[i]) + trueDecay[2] + Noise * Dense.Gaussian(random);
        }
        double[] start = [1.0, 0.5, 0.0];
        var decay = new DecayResiduals(t, yDecay);
        LmResult fit = LevenbergMarquardt.Solve(decay, Points, start);
        double[] errors = StandardErrors(fit, Points, 3);

        // y = 1 − 0.7t + 0.15t² + noise
        double[] trueLinear = [1.0, -0.7, 0.15];
        var yLinear = new double[Points];
        for (int i = 0; i < Points; i++)
        {
            yLinear[i] = trueLinear[0] + trueLinear[1] * t[i] + trueLinear[2] * t[i] * t[i] + Noise * Dense.Gaussian(random);
        }
        var quadratic = new QuadraticResiduals(t, yLinear);
        LmResult linearFit = LevenbergMarquardt.Solve(quadratic, Points, [0.0, 0.0, 0.0]);
        double[] design = quadratic.DesignMatrix();
        double[] normal = Dense.Solve(Dense.TransposeTimesSelf(design, Points, 3), Dense.TransposeTimes(design, Points, 3, yLinear));

        return new LeastSquaresResult(
            new DecayFit(trueDecay, start, Noise, fit, errors),
            new LinearFit(trueLinear, linearFit, normal, Dense.MaxAbsDifference(linearFit.Parameters, normal), Dense.MaxAbsDifference(linearFit.JacobianAtSolution, design)));
    }

    private static double[] StandardErrors(LmResult fit, int m, int n)
    {
        double s2 = fit.ResidualNorm * fit.ResidualNorm / (m - n);
        double[,] jtj = Dense.TransposeTimesSelf(fit.JacobianAtSolution, m, n);
        var errors = new double[n];
        for (int i = 0; i < n; i++)
        {
            var unit = new double[n];
            unit[i] = 1;
            errors[i] = Math.Sqrt(s2 * Dense.Solve(jtj, unit)[i]);
        }
        return errors;
    }
}
