// Realistic corpus: physics and engineering simulation code, with [Differentiable] on the quantities whose
// sensitivities (to launch speed, drag, stiffness, noise parameters, ...) are wanted.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Dual;

namespace Contoso.Physics;

public static class Constants
{
    public const double StandardGravity = 9.80665;
    public const double GasConstant = 8.314462618;
    public const double EarthMu = 3.986004418e14;
    public const double Coulomb = 8.9875517923e9;
}

public static partial class Ballistics
{
    /// <summary>Explicit Euler with quadratic drag for a fixed flight time.</summary>
    [Differentiable]
    public static (double X, double Y) PositionAfter(double speed, double angleDegrees, double dragCoefficient, double mass, double duration, int steps = 1000)
    {
        double theta = angleDegrees * Math.PI / 180.0;
        double vx = speed * Math.Cos(theta), vy = speed * Math.Sin(theta);
        double x = 0, y = 0;
        double dt = duration / steps;
        for (int i = 0; i < steps; i++)
        {
            double v = Math.Sqrt(vx * vx + vy * vy);
            double ax = -dragCoefficient / mass * v * vx;
            double ay = -Constants.StandardGravity - dragCoefficient / mass * v * vy;
            x += vx * dt;
            y += vy * dt;
            vx += ax * dt;
            vy += ay * dt;
        }

        return (x, y);
    }
}

public static class Ode
{
    public static double[] Rk4(Func<double, double[], double[]> f, double[] y0, double t0, double t1, int steps)
    {
        double h = (t1 - t0) / steps;
        double[] y = (double[])y0.Clone();
        double t = t0;
        for (int s = 0; s < steps; s++)
        {
            double[] k1 = f(t, y);
            double[] k2 = f(t + h / 2, Axpy(y, k1, h / 2));
            double[] k3 = f(t + h / 2, Axpy(y, k2, h / 2));
            double[] k4 = f(t + h, Axpy(y, k3, h));
            for (int i = 0; i < y.Length; i++)
            {
                y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }

            t += h;
        }

        return y;
    }

    private static double[] Axpy(double[] y, double[] k, double scale)
    {
        var r = new double[y.Length];
        for (int i = 0; i < y.Length; i++)
        {
            r[i] = y[i] + scale * k[i];
        }

        return r;
    }
}

public readonly record struct OscillatorState(double Position, double Velocity);

public static partial class Oscillators
{
    [Differentiable]
    public static double DampedSpringPosition(double stiffness, double damping, double mass, double x0, double v0, double time)
    {
        double[] final = Ode.Rk4((t, s) => new[] { s[1], -(stiffness * s[0] + damping * s[1]) / mass }, new[] { x0, v0 }, 0.0, time, 200);
        return final[0];
    }

    [Differentiable]
    public static double Energy(OscillatorState state, double stiffness, double mass) =>
        0.5 * stiffness * state.Position * state.Position + 0.5 * mass * state.Velocity * state.Velocity;

    [Differentiable]
    public static OscillatorState Step(OscillatorState s, double stiffness, double mass, double dt)
    {
        double v = s.Velocity - stiffness / mass * s.Position * dt;
        return s with { Position = s.Position + v * dt, Velocity = v };
    }

    /// <summary>Energy error of symplectic Euler after <paramref name="steps"/> steps, as a function of the step size.</summary>
    [Differentiable]
    public static double EnergyDrift(double stiffness, double mass, double dt, int steps)
    {
        var state = new OscillatorState(1.0, 0.0);
        double e0 = Energy(state, stiffness, mass);
        for (int i = 0; i < steps; i++)
        {
            state = Step(state, stiffness, mass, dt);
        }

        return Energy(state, stiffness, mass) - e0;
    }

    [Differentiable]
    public static double DampedDisplacement(double t, double naturalFrequency, double dampingRatio, double x0, double v0)
    {
        double w0 = naturalFrequency, z = dampingRatio;
        switch (z)
        {
            case < 1.0:
            {
                double wd = w0 * Math.Sqrt(1 - z * z);
                double a = x0, b = (v0 + z * w0 * x0) / wd;
                return Math.Exp(-z * w0 * t) * (a * Math.Cos(wd * t) + b * Math.Sin(wd * t));
            }

            case 1.0:
                return (x0 + (v0 + w0 * x0) * t) * Math.Exp(-w0 * t);

            default:
            {
                double s = w0 * Math.Sqrt(z * z - 1);
                double r1 = -z * w0 + s, r2 = -z * w0 - s;
                double c2 = (v0 - r1 * x0) / (r2 - r1);
                double c1 = x0 - c2;
                return c1 * Math.Exp(r1 * t) + c2 * Math.Exp(r2 * t);
            }
        }
    }
}

public static partial class Orbits
{
    /// <summary>Solves Kepler's equation M = E - e sin E by Newton's method.</summary>
    [Differentiable]
    public static double EccentricAnomaly(double meanAnomaly, double eccentricity, double tolerance = 1e-13)
    {
        double E = eccentricity < 0.8 ? meanAnomaly : Math.PI;
        for (int i = 0; i < 30; i++)
        {
            double f = E - eccentricity * Math.Sin(E) - meanAnomaly;
            double fp = 1 - eccentricity * Math.Cos(E);
            double delta = f / fp;
            E -= delta;
            if (Math.Abs(delta) < tolerance)
            {
                break;
            }
        }

        return E;
    }

    [Differentiable]
    public static double OrbitalPeriod(double semiMajorAxis, double mu = Constants.EarthMu) =>
        2 * Math.PI * Math.Sqrt(semiMajorAxis * semiMajorAxis * semiMajorAxis / mu);

    [Differentiable]
    public static double VisVivaSpeed(double radius, double semiMajorAxis, double mu = Constants.EarthMu) =>
        Math.Sqrt(mu * (2 / radius - 1 / semiMajorAxis));

    [Differentiable]
    public static (double X, double Y) PositionAt(double semiMajorAxis, double eccentricity, double meanAnomaly)
    {
        double E = EccentricAnomaly(meanAnomaly, eccentricity);
        double x = semiMajorAxis * (Math.Cos(E) - eccentricity);
        double y = semiMajorAxis * Math.Sqrt(1 - eccentricity * eccentricity) * Math.Sin(E);
        return (x, y);
    }

    [Differentiable]
    public static double HohmannDeltaV(double r1, double r2, double mu)
    {
        double a = (r1 + r2) / 2;
        double dv1 = VisVivaSpeed(r1, a, mu) - Math.Sqrt(mu / r1);
        double dv2 = Math.Sqrt(mu / r2) - VisVivaSpeed(r2, a, mu);
        return Math.Abs(dv1) + Math.Abs(dv2);
    }
}

public static partial class NBody
{
    [Differentiable]
    public static Vector3 PropagateLeapfrog(Vector3 position, Vector3 velocity, float mu, float dt, int steps)
    {
        Vector3 a = Acceleration(position, mu);
        for (int i = 0; i < steps; i++)
        {
            velocity += 0.5f * dt * a;
            position += dt * velocity;
            a = Acceleration(position, mu);
            velocity += 0.5f * dt * a;
        }

        return position;
    }

    private static Vector3 Acceleration(Vector3 r, float mu)
    {
        float d = r.Length();
        return -mu / (d * d * d) * r;
    }
}

public static class Mat
{
    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), m = b.GetLength(1), inner = a.GetLength(1);
        var c = new double[n, m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int k = 0; k < inner; k++)
                {
                    s += a[i, k] * b[k, j];
                }

                c[i, j] = s;
            }
        }

        return c;
    }

    public static double[] Multiply(double[,] a, double[] x)
    {
        var y = new double[a.GetLength(0)];
        for (int i = 0; i < y.Length; i++)
        {
            for (int k = 0; k < x.Length; k++)
            {
                y[i] += a[i, k] * x[k];
            }
        }

        return y;
    }

    public static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                t[j, i] = a[i, j];
            }
        }

        return t;
    }

    public static double[,] Add(double[,] a, double[,] b)
    {
        var c = new double[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                c[i, j] = a[i, j] + b[i, j];
            }
        }

        return c;
    }
}

public static partial class Tracking
{
    /// <summary>One predict/update cycle of a constant-velocity Kalman filter with a position measurement.</summary>
    [Differentiable]
    public static (double[] State, double[,] Covariance) KalmanStep(double[] state, double[,] covariance, double measurement, double dt, double processNoise, double measurementNoise)
    {
        double[,] F = { { 1, dt }, { 0, 1 } };
        double[,] Q =
        {
            { processNoise * dt * dt * dt / 3, processNoise * dt * dt / 2 },
            { processNoise * dt * dt / 2, processNoise * dt },
        };

        // predict
        double[] x = Mat.Multiply(F, state);
        double[,] P = Mat.Add(Mat.Multiply(Mat.Multiply(F, covariance), Mat.Transpose(F)), Q);

        // update with H = [1 0]
        double innovation = measurement - x[0];
        double s = P[0, 0] + measurementNoise;
        double k0 = P[0, 0] / s, k1 = P[1, 0] / s;
        x[0] += k0 * innovation;
        x[1] += k1 * innovation;
        double[,] updated =
        {
            { (1 - k0) * P[0, 0], (1 - k0) * P[0, 1] },
            { P[1, 0] - k1 * P[0, 0], P[1, 1] - k1 * P[0, 1] },
        };
        return (x, updated);
    }

    /// <summary>Innovation log-likelihood of a measurement series, for tuning the noise parameters.</summary>
    [Differentiable]
    public static double FilterLogLikelihood(double[] measurements, double dt, double processNoise, double measurementNoise)
    {
        double[] state = { measurements[0], 0 };
        double[,] covariance = { { measurementNoise, 0 }, { 0, 1 } };
        double logLikelihood = 0;
        for (int i = 1; i < measurements.Length; i++)
        {
            double predicted = state[0] + dt * state[1];
            double predictedVariance = covariance[0, 0] + 2 * dt * covariance[0, 1] + dt * dt * covariance[1, 1]
                + processNoise * dt * dt * dt / 3 + measurementNoise;
            double r = measurements[i] - predicted;
            logLikelihood += -0.5 * (Math.Log(2 * Math.PI * predictedVariance) + r * r / predictedVariance);
            (state, covariance) = KalmanStep(state, covariance, measurements[i], dt, processNoise, measurementNoise);
        }

        return logLikelihood;
    }
}

public static partial class Heat
{
    /// <summary>FTCS step of u_t = α u_xx with fixed (Dirichlet) ends.</summary>
    [Differentiable]
    public static void ExplicitStep(ReadOnlySpan<double> u, Span<double> next, double diffusivity, double dx, double dt)
    {
        double r = diffusivity * dt / (dx * dx);
        if (r > 0.5)
        {
            throw new ArgumentException($"Unstable: r = {r:F3} > 0.5");
        }

        next[0] = u[0];
        next[^1] = u[^1];
        for (int i = 1; i < u.Length - 1; i++)
        {
            next[i] = u[i] + r * (u[i + 1] - 2 * u[i] + u[i - 1]);
        }
    }

    [Differentiable]
    public static double CenterTemperature(double diffusivity, double[] initial, int steps)
    {
        var u = (double[])initial.Clone();
        var next = new double[u.Length];
        for (int s = 0; s < steps; s++)
        {
            ExplicitStep(u, next, diffusivity, 0.1, 0.001);
            (u, next) = (next, u);
        }

        return u[u.Length / 2];
    }
}

public static class Quadrature
{
    public static double Simpson(Func<double, double> f, double a, double b, int intervals = 200)
    {
        if (intervals % 2 == 1)
        {
            intervals++;
        }

        double h = (b - a) / intervals;
        double sum = f(a) + f(b);
        for (int i = 1; i < intervals; i++)
        {
            sum += f(a + i * h) * (i % 2 == 0 ? 2 : 4);
        }

        return sum * h / 3;
    }
}

public static partial class Pendulum
{
    /// <summary>Large-amplitude period: T = 4 √(L/g) K(sin(θ₀/2)).</summary>
    [Differentiable]
    public static double Period(double length, double amplitude)
    {
        double k = Math.Sin(amplitude / 2);
        double ellipticK = Quadrature.Simpson(theta => 1 / Math.Sqrt(1 - k * k * Math.Sin(theta) * Math.Sin(theta)), 0, Math.PI / 2);
        return 4 * Math.Sqrt(length / Constants.StandardGravity) * ellipticK;
    }
}

public static partial class Thermo
{
    [Differentiable]
    public static double SpeedOfSound(double temperatureKelvin, double heatCapacityRatio = 1.4, double molarMass = 0.0289647) =>
        Math.Sqrt(heatCapacityRatio * Constants.GasConstant * temperatureKelvin / molarMass);

    public static double CelsiusToKelvin(double celsius) => celsius + 273.15;

    [Differentiable]
    public static double SpeedOfSoundCelsius(double celsius) => SpeedOfSound(CelsiusToKelvin(celsius));
}

public struct Particle
{
    public double X, Y, Vx, Vy;
    public double Mass;

    public readonly double KineticEnergy => 0.5 * Mass * (Vx * Vx + Vy * Vy);
}

public static partial class ParticleSystem
{
    [Differentiable]
    public static double TotalKineticEnergyAfter(List<Particle> particles, double gravity, double dt, int steps)
    {
        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < particles.Count; i++)
            {
                Particle p = particles[i];
                p.Vy -= gravity * dt;
                p.X += p.Vx * dt;
                p.Y += p.Vy * dt;
                if (p.Y < 0)
                {
                    p.Y = -p.Y;
                    p.Vy = -0.9 * p.Vy; // bounce with restitution
                }

                particles[i] = p;
            }
        }

        return particles.Sum(p => p.KineticEnergy);
    }
}

public static partial class Optics
{
    [Differentiable]
    public static double RefractionAngle(double incidence, double n1, double n2)
    {
        double s = n1 / n2 * Math.Sin(incidence);
        if (s > 1)
        {
            return double.NaN; // total internal reflection
        }

        return Math.Asin(s);
    }

    [Differentiable]
    public static double SchlickReflectance(double cosTheta, double n1, double n2)
    {
        double r0 = Math.Pow((n1 - n2) / (n1 + n2), 2);
        return r0 + (1 - r0) * Math.Pow(1 - cosTheta, 5);
    }
}

public sealed class PointCharge
{
    public double Q { get; init; }

    public double X { get; init; }

    public double Y { get; init; }
}

public static partial class Electrostatics
{
    [Differentiable]
    public static double Potential(IReadOnlyList<PointCharge> charges, double x, double y)
    {
        double v = 0;
        foreach (var c in charges)
        {
            double r = Math.Sqrt((x - c.X) * (x - c.X) + (y - c.Y) * (y - c.Y));
            v += Constants.Coulomb * c.Q / r;
        }

        return v;
    }
}
