// Test scaffolding, not corpus: one probe per corpus case. A probe maps the inputs the user wants
// derivatives for (x) onto the method's arguments, holds everything else at fixed realistic values, and reduces
// the method's result to output k. Probes are [Differentiable] too, so their twins have a fixed, reflection-friendly
// signature (Dual<double> P(Dual<double>[] x[, int k])) whatever the generator does with the method's own types;
// calling the user's method from another [Differentiable] method is exactly how users compose them.
using System;
using System.Collections.Generic;
using System.Numerics;
using Contoso.Everyday;
using Contoso.Geometry;
using Contoso.ML;
using Contoso.Physics;
using Contoso.Quant;
using Contoso.Statistics;
using Dual;
using MlActivations = Contoso.ML.Activations;

namespace CorpusProbes;

public static partial class Probe
{
    // ---------------------------------------------------------------- finance

    [Differentiable] public static double NormalCdf(double[] x) => Normal.Cdf(x[0]);

    [Differentiable]
    public static double BlackScholesPrice(double[] x, int k) =>
        BlackScholes.Price(k == 0 ? OptionKind.Call : OptionKind.Put, x[0], 100, x[1], x[2], x[3]);

    [Differentiable] public static double CallDelta(double[] x) => BlackScholes.CallDelta(x[0], 100, 0.02, x[1], 0.5);

    [Differentiable] public static double ImpliedVolatility(double[] x) => BlackScholes.ImpliedVolatility(x[0], x[1], 100, 0.01, 0.5);

    [Differentiable] public static double Bachelier(double[] x) => BlackScholes.BachelierCall(new MarketQuote(x[0], x[1], 0.98), 0.03, 2.0);

    [Differentiable]
    public static double EuropeanOptionValue(double[] x) =>
        new EuropeanOption { Strike = 95, Expiry = 0.5, Kind = OptionKind.Put }.Value(x[0], x[1], x[2]);

    [Differentiable] public static double BondPrice(double[] x) => FixedIncome.Price(new Bond(1000, 0.05, 10), x[0]);

    [Differentiable] public static double YieldToMaturity(double[] x) => FixedIncome.YieldToMaturity(new Bond(1000, 0.05, 10), x[0]);

    [Differentiable] public static double MonthlyPayment(double[] x) => Loans.MonthlyPayment(x[0], x[1], 30);

    [Differentiable] public static double TotalInterest(double[] x) => Loans.TotalInterest(x[0], x[1], 15);

    [Differentiable]
    public static double PortfolioVariance(double[] x)
    {
        double[,] covariance = { { 0.04, 0.006, 0.012 }, { 0.006, 0.09, -0.003 }, { 0.012, -0.003, 0.0625 } };
        return Portfolio.Variance(new[] { x[0], x[1], x[2] }, covariance);
    }

    [Differentiable]
    public static double SharpeRatio(double[] x)
    {
        double[,] covariance = { { 0.04, 0.006, 0.012 }, { 0.006, 0.09, -0.003 }, { 0.012, -0.003, 0.0625 } };
        return Portfolio.SharpeRatio(new[] { x[0], x[1], x[2] }, new[] { 0.08, 0.05, 0.11 }, covariance, 0.02);
    }

    [Differentiable]
    public static double PresentValue(double[] x) =>
        Valuation.PresentValue(new[] { new CashFlow(0.5, 30), new CashFlow(1, 30), new CashFlow(1.5, 30), new CashFlow(2, 1030) }, x[0]);

    [Differentiable] public static double FutureValue(double[] x, int k) => Valuation.FutureValue(x[0], x[1], x[2], (Compounding)k);

    [Differentiable]
    public static double DiscountFactor(double[] x)
    {
        double[] tenors = { 0.5, 1, 2, 5, 10 };
        double[] zeroRates = { x[1], x[2], x[3], x[4], x[5] };
        return Curves.DiscountFactor(x[0], tenors, zeroRates);
    }

    [Differentiable]
    public static double ParSwapRate(double[] x)
    {
        double[] tenors = { 0.5, 1, 2, 5, 10 };
        return Curves.ParSwapRate(tenors, x, 5.0, 2);
    }

    [Differentiable] public static double MonteCarloCall(double[] x) => MonteCarlo.EuropeanCall(x[0], 100, 0.03, x[1], 1.0, 2000);

    [Differentiable] public static double CdsParSpread(double[] x) => Credit.CdsParSpread(x[0], 0.4, x[1], 5.0);

    // ---------------------------------------------------------------- physics

    [Differentiable]
    public static double ProjectilePosition(double[] x, int k)
    {
        var (px, py) = Ballistics.PositionAfter(x[0], x[1], x[2], 1.0, 2.0);
        return k == 0 ? px : py;
    }

    [Differentiable] public static double DampedSpringRk4(double[] x) => Oscillators.DampedSpringPosition(x[0], x[1], 1.0, 1.0, 0.0, 2.0);

    [Differentiable] public static double OscillatorEnergy(double[] x) => Oscillators.Energy(new OscillatorState(x[0], x[1]), x[2], 2.0);

    [Differentiable] public static double EnergyDrift(double[] x) => Oscillators.EnergyDrift(4.0, 1.0, x[0], 50);

    [Differentiable] public static double DampedDisplacement(double[] x) => Oscillators.DampedDisplacement(1.5, 2.0, x[0], 1.0, x[1]);

    [Differentiable] public static double KeplerEccentricAnomaly(double[] x) => Orbits.EccentricAnomaly(x[0], x[1]);

    [Differentiable] public static double OrbitalPeriod(double[] x) => Orbits.OrbitalPeriod(x[0]);

    [Differentiable] public static double VisVivaSpeed(double[] x) => Orbits.VisVivaSpeed(x[0], x[1]);

    [Differentiable]
    public static double OrbitPosition(double[] x, int k)
    {
        var (px, py) = Orbits.PositionAt(x[0], x[1], x[2]);
        return k == 0 ? px : py;
    }

    [Differentiable] public static double HohmannDeltaV(double[] x) => Orbits.HohmannDeltaV(x[0], x[1], 398600.4418);

    [Differentiable]
    public static double LeapfrogOrbit(double[] x, int k)
    {
        Vector3 r = NBody.PropagateLeapfrog(new Vector3(1, 0, 0), new Vector3(0, (float)x[0], (float)x[1]), 1f, 0.01f, 100);
        return k switch { 0 => r.X, 1 => r.Y, _ => r.Z };
    }

    [Differentiable]
    public static double KalmanStep(double[] x, int k)
    {
        double[] state = { 0.0, 1.0 };
        double[,] covariance = { { 1, 0 }, { 0, 1 } };
        var (s, _) = Tracking.KalmanStep(state, covariance, x[0], 0.1, x[1], x[2]);
        return s[k];
    }

    [Differentiable]
    public static double KalmanLogLikelihood(double[] x) =>
        Tracking.FilterLogLikelihood(new[] { 0.0, 0.12, 0.19, 0.33, 0.38, 0.52 }, 0.1, x[0], x[1]);

    [Differentiable]
    public static double HeatStep(double[] x, int k)
    {
        double[] u = { x[0], x[1], x[2], x[3], x[4] };
        double[] next = new double[5];
        Heat.ExplicitStep(u, next, x[5], 0.1, 0.001);
        return next[k];
    }

    [Differentiable] public static double HeatCenter(double[] x) => Heat.CenterTemperature(x[0], new[] { 0.0, 0.5, x[1], 0.5, 0.0 }, 20);

    [Differentiable] public static double PendulumPeriod(double[] x) => Pendulum.Period(x[0], x[1]);

    [Differentiable] public static double SpeedOfSound(double[] x) => Thermo.SpeedOfSound(x[0]);

    [Differentiable] public static double SpeedOfSoundCelsius(double[] x) => Thermo.SpeedOfSoundCelsius(x[0]);

    [Differentiable]
    public static double ParticleEnergy(double[] x)
    {
        var particles = new List<Particle>
        {
            new() { X = 0, Y = 100, Vx = 1.0, Vy = 2.0, Mass = 1.5 },
            new() { X = 1, Y = 120, Vx = -0.5, Vy = 0.0, Mass = 0.5 },
        };
        return ParticleSystem.TotalKineticEnergyAfter(particles, x[0], 0.01, 100);
    }

    [Differentiable] public static double Refraction(double[] x) => Optics.RefractionAngle(x[0], x[1], x[2]);

    [Differentiable] public static double Schlick(double[] x) => Optics.SchlickReflectance(x[0], 1.0, x[1]);

    [Differentiable]
    public static double CoulombPotential(double[] x)
    {
        var charges = new List<PointCharge>
        {
            new() { Q = 1e-9, X = 0, Y = 0 },
            new() { Q = -2e-9, X = 1, Y = 0.5 },
        };
        return Electrostatics.Potential(charges, x[0], x[1]);
    }

    // ---------------------------------------------------------------- machine learning

    [Differentiable] public static double MeanSquaredError(double[] x) => Losses.MeanSquaredError(new[] { x[0], x[1], x[2] }, new[] { 1.0, 0.5, -0.2 });

    [Differentiable] public static double BinaryCrossEntropy(double[] x) => Losses.BinaryCrossEntropy(new[] { x[0], x[1], x[2] }, new[] { 1, 0, 1 });

    [Differentiable] public static double SoftmaxCrossEntropy(double[] x) => Losses.SoftmaxCrossEntropy(new[] { x[0], x[1], x[2], x[3] }, 2);

    [Differentiable] public static double Huber(double[] x) => Losses.Huber(x[0], 1.0);

    [Differentiable] public static double KlDivergenceNormal(double[] x) => Losses.KlDivergenceNormal(x[0], x[1], x[2], x[3]);

    [Differentiable] public static double EmpiricalRisk(double[] x) => Risk.Empirical(new SquaredLoss(), new[] { x[0], x[1] }, new[] { 0.5, -1.0 });

    [Differentiable] public static double Softmax(double[] x, int k) => MlActivations.Softmax(new[] { x[0], x[1], x[2] })[k];

    [Differentiable] public static double Gelu(double[] x) => MlActivations.Gelu(x[0]);

    [Differentiable] public static double Softplus(double[] x) => MlActivations.Softplus(x[0]);

    [Differentiable] public static double ActivationApply(double[] x, int k) => MlActivations.Apply((Activation)k, x[0]);

    [Differentiable]
    public static double DenseLayer(double[] x, int k)
    {
        double[,] weights = { { x[0], x[1], x[2] }, { x[3], x[4], x[5] } };
        return Layers.Dense(new[] { 0.5, -1.0, 2.0 }, weights, new[] { 0.1, -0.2 }, Activation.Tanh)[k];
    }

    [Differentiable] public static double BatchNormalize(double[] x, int k) => Layers.BatchNormalize(new[] { x[0], x[1], x[2], x[3] })[k];

    [Differentiable]
    public static double TinyMlpLoss(double[] x)
    {
        double[][] inputs = { new[] { 0.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 }, new[] { 1.0, 1.0 } };
        double[] targets = { 0.0, 1.0, 1.0, 0.0 };
        return TinyMlp.Loss(x, inputs, targets);
    }

    [Differentiable]
    public static double LogisticRegressionNll(double[] x)
    {
        double[][] features = { new[] { 0.5, 1.2 }, new[] { -1.0, 0.3 }, new[] { 2.0, -0.7 }, new[] { 0.1, 0.1 } };
        int[] labels = { 1, 0, 1, 0 };
        return LogisticRegression.NegativeLogLikelihood(new[] { x[0], x[1] }, x[2], features, labels, 0.1);
    }

    [Differentiable] public static double L2Penalty(double[] x) => Regularization.L2(new[] { x[0], x[1], x[2] }, 0.1);

    [Differentiable] public static double ElasticNet(double[] x) => Regularization.ElasticNet(new[] { x[0], x[1], x[2] }, 0.1, 0.3);

    [Differentiable]
    public static double FitLineInfluence(double[] x, int k)
    {
        var (m, b) = Training.FitLine(new[] { 1.0, 2.0, 3.0, 4.0 }, new[] { x[0], x[1], x[2], x[3] }, 0.05, 300);
        return k == 0 ? m : b;
    }

    [Differentiable] public static double CosineSimilarity(double[] x) => Similarity.Cosine(new[] { x[0], x[1], x[2] }, new[] { 1.0, 2.0, -0.5 });

    [Differentiable] public static double RbfKernel(double[] x) => Similarity.RbfKernel(new[] { x[0], x[1] }, new[] { 0.5, -0.3 }, x[2]);

    [Differentiable] public static double LogSumExp(double[] x) => Similarity.LogSumExp(new[] { x[0], x[1], x[2] });

    // ---------------------------------------------------------------- statistics

    [Differentiable] public static double SampleVariance(double[] x) => Descriptive.Variance(new[] { x[0], x[1], x[2], x[3], x[4] });

    [Differentiable] public static double Covariance(double[] x) => Descriptive.Covariance(new[] { x[0], x[1], x[2], x[3] }, new[] { 1.0, 3.0, 2.0, 5.0 });

    [Differentiable] public static double Correlation(double[] x) => Descriptive.Correlation(new[] { x[0], x[1], x[2], x[3] }, new[] { 1.0, 3.0, 2.0, 5.0 });

    [Differentiable] public static double Median(double[] x) => Descriptive.Median(new[] { x[0], x[1], x[2], x[3], x[4] });

    [Differentiable]
    public static double WeightedMean(double[] x) => Descriptive.WeightedMean(new[] { (x[0], x[3]), (x[1], x[4]), (x[2], x[5]) });

    [Differentiable] public static double OnlineVariance(double[] x) => Descriptive.OnlineVariance(new[] { x[0], x[1], x[2], x[3], x[4] });

    [Differentiable]
    public static double NormalLogLikelihood(double[] x) =>
        Likelihood.NormalLogLikelihood(new[] { 1.2, 0.7, 2.3, 1.9, 0.4, 1.1 }, x[0], x[1]);

    [Differentiable] public static double PoissonLogLikelihood(double[] x) => Likelihood.PoissonLogLikelihood(new[] { 2, 3, 0, 5, 4 }, x[0]);

    [Differentiable]
    public static double MixtureLogLikelihood(double[] x) =>
        Likelihood.GaussianMixtureLogLikelihood(new[] { -1.2, -0.8, 0.1, 1.9, 2.4, 2.2 }, x[0], x[1], x[2], x[3], x[4]);

    [Differentiable]
    public static double OrdinaryLeastSquares(double[] x, int k)
    {
        var (slope, intercept) = Regression.OrdinaryLeastSquares(new List<(double X, double Y)> { (1, x[0]), (2, x[1]), (3, x[2]), (4, x[3]) });
        return k == 0 ? slope : intercept;
    }

    [Differentiable]
    public static double ExponentialMovingAverage(double[] x) =>
        TimeSeries.ExponentialMovingAverage(new List<double> { 10, 10.5, 10.2, 10.8, x[1] }, x[0]);

    // ---------------------------------------------------------------- geometry

    [Differentiable]
    public static double TriangleArea(double[] x) =>
        Mesh.TriangleArea(new Vec3(x[0], x[1], x[2]), new Vec3(x[3], x[4], x[5]), new Vec3(x[6], x[7], x[8]));

    [Differentiable]
    public static double SignedVolume(double[] x) =>
        Mesh.SignedVolume(new Vec3(x[0], x[1], x[2]), new Vec3(x[3], x[4], x[5]), new Vec3(x[6], x[7], x[8]));

    [Differentiable]
    public static double AngleBetween(double[] x) =>
        Kinematics.AngleBetween(new Vector3((float)x[0], (float)x[1], (float)x[2]), new Vector3(0.3f, -0.4f, 1.2f));

    [Differentiable]
    public static double RotateAboutAxis(double[] x, int k)
    {
        Vector3 r = Kinematics.RotateAboutAxis(new Vector3(1, 2, 0.5f), new Vector3(0, 0.6f, 0.8f), (float)x[0]);
        return k switch { 0 => r.X, 1 => r.Y, _ => r.Z };
    }

    [Differentiable]
    public static double DistanceToSegment(double[] x) =>
        Kinematics.DistanceToSegment(new Vector3((float)x[0], (float)x[1], (float)x[2]), Vector3.Zero, new Vector3(2, 0, 0));

    [Differentiable]
    public static double RaySphere(double[] x) =>
        Kinematics.RaySphereDistance(new Vector3(0, 0, -5), Vector3.UnitZ, new Vector3((float)x[0], 0.2f, 0), (float)x[1]);

    [Differentiable]
    public static double CubicBezier(double[] x, int k)
    {
        Vector2 p = Curves2D.CubicBezier(new Vector2(0, 0), new Vector2(1, 2), new Vector2(3, 3), new Vector2(4, 0), (float)x[0]);
        return k == 0 ? p.X : p.Y;
    }

    [Differentiable]
    public static double PolygonArea(double[] x) => Polygons.Area(new[] { (x[0], x[1]), (x[2], x[3]), (x[4], x[5]), (x[6], x[7]) });

    [Differentiable]
    public static double Rotate2D(double[] x, int k)
    {
        var (a, b) = Polygons.Rotate((x[0], x[1]), x[2]);
        return k == 0 ? a : b;
    }

    [Differentiable] public static double Haversine(double[] x) => GeoDistance.Haversine(x[0], x[1], x[2], x[3]);

    // ---------------------------------------------------------------- everyday code

    [Differentiable] public static double ShippingCost(double[] x) => Pricing.ShippingCost(x[0], x[1], ShippingZone.Continental);

    [Differentiable] public static double IncomeTax(double[] x) => Pricing.IncomeTax(x[0]);

    [Differentiable] public static double DiscountedNamedArgs(double[] x) => Pricing.Discounted(x[0], annualRate: x[1], years: 3);

    [Differentiable] public static double PolynomialParams(double[] x) => Polynomials.Evaluate(x[0], x[1], x[2], x[3], x[4]);

    [Differentiable]
    public static double QuadraticRoots(double[] x, int k)
    {
        var (r1, r2) = Algebra.QuadraticRoots(x[0], x[1], x[2]);
        return k == 0 ? r1 : r2;
    }

    [Differentiable] public static double SavingsAccrual(double[] x) => Banking.AccrueMonths(new SavingsAccount("Ada", x[0], x[1]), 24).Balance;

    [Differentiable] public static double PidUpdate(double[] x) => new PidController().Update(x[0], x[1], 0.1);

    [Differentiable] public static double ThermistorTryCatch(double[] x) => Sensors.CalibratedTemperature(x[0], x[1], x[2]);

    [Differentiable] public static double SmoothedReadingUsing(double[] x) => Sensors.SmoothedReading(new[] { 20.0, 21.5, 21.0, 22.4 }, x[0]);

    [Differentiable] public static double SmoothStepExtensions(double[] x) => Easing.SmoothStep(0.0, 2.0, x[0]);

    [Differentiable] public static double ApplyCapNullable(double[] x) => Easing.ApplyCap(x[0], x[1]);

    [Differentiable] public static double GenericHypotenuse(double[] x) => GenericGeometry.Hypotenuse(x[0], x[1]);

    [Differentiable]
    public static double DictionaryScore(double[] x) =>
        Scoring.LinearScore(
            new Dictionary<string, double> { ["age"] = x[0], ["income"] = x[1] },
            new Dictionary<string, double> { ["age"] = 0.3, ["income"] = 0.001 });

    [Differentiable] public static double GaussLegendreDelegate(double[] x) => Integration.ExpectedDiscountedPayoff(x[0], x[1]);

    [Differentiable] public static double BodyMassIndex(double[] x) => Health.BodyMassIndex(x[0], x[1]);

    [Differentiable] public static double HeatIndex(double[] x) => Health.HeatIndex(x[0], x[1]);

    [Differentiable] public static double SmoothedEnergyStackalloc(double[] x) => SignalProcessing.SmoothedEnergy(new[] { x[0], x[1], x[2], x[3], x[4] });
}
