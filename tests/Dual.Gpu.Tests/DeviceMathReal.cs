// Test-only: generated once by a helper script; edit by hand from here on.
using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dual.Gpu.Tests;

/// <summary>
/// A scalar that computes its elementary functions with the library's kernel math (<see cref="DeviceMath"/>), as kernels
/// do on CUDA, and everything else (arithmetic, comparisons, rounding) as <typeparamref name="T"/> does. ILGPU's CPU
/// accelerator runs kernels as .NET code with System.Math (the redirection to DeviceMath exists only on the PTX backend),
/// so this type is how the CPU tests evaluate a kernel function with the GPU's math: <c>Dual&lt;DeviceMathReal&lt;double&gt;,
/// KernelTangents16&lt;…&gt;&gt;</c> runs the engine's tangent arithmetic with DeviceMath's values.
/// </summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
public readonly struct DeviceMathReal<T> : IFloatingPointIeee754<DeviceMathReal<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DeviceMathReal(T value) => Value = value;

    public static implicit operator DeviceMathReal<T>(T value) => new(value);

    private static bool IsDouble => typeof(T) == typeof(double);

    private static DeviceMathReal<T> Math1(DeviceMathReal<T> x, Func<double, double> f64, Func<float, float> f32)
    {
        T v = x.Value;
        return IsDouble ? new(Unsafe.BitCast<double, T>(f64(Unsafe.BitCast<T, double>(v))))
            : new(Unsafe.BitCast<float, T>(f32(Unsafe.BitCast<T, float>(v))));
    }

    private static DeviceMathReal<T> Math2(DeviceMathReal<T> x, DeviceMathReal<T> y, Func<double, double, double> f64, Func<float, float, float> f32)
    {
        T v = x.Value, w = y.Value;
        return IsDouble ? new(Unsafe.BitCast<double, T>(f64(Unsafe.BitCast<T, double>(v), Unsafe.BitCast<T, double>(w))))
            : new(Unsafe.BitCast<float, T>(f32(Unsafe.BitCast<T, float>(v), Unsafe.BitCast<T, float>(w))));
    }

    // DeviceMath (what the kernel context redirects on CUDA)
    public static DeviceMathReal<T> Sin(DeviceMathReal<T> x) => Math1(x, DeviceMath.Sin, DeviceMath.Sin);
    public static DeviceMathReal<T> Cos(DeviceMathReal<T> x) => Math1(x, DeviceMath.Cos, DeviceMath.Cos);
    public static DeviceMathReal<T> Tan(DeviceMathReal<T> x) => Math1(x, DeviceMath.Tan, DeviceMath.Tan);
    public static DeviceMathReal<T> Asin(DeviceMathReal<T> x) => Math1(x, DeviceMath.Asin, DeviceMath.Asin);
    public static DeviceMathReal<T> Acos(DeviceMathReal<T> x) => Math1(x, DeviceMath.Acos, DeviceMath.Acos);
    public static DeviceMathReal<T> Atan(DeviceMathReal<T> x) => Math1(x, DeviceMath.Atan, DeviceMath.Atan);
    public static DeviceMathReal<T> Sinh(DeviceMathReal<T> x) => Math1(x, DeviceMath.Sinh, DeviceMath.Sinh);
    public static DeviceMathReal<T> Cosh(DeviceMathReal<T> x) => Math1(x, DeviceMath.Cosh, DeviceMath.Cosh);
    public static DeviceMathReal<T> Tanh(DeviceMathReal<T> x) => Math1(x, DeviceMath.Tanh, DeviceMath.Tanh);
    public static DeviceMathReal<T> Asinh(DeviceMathReal<T> x) => Math1(x, DeviceMath.Asinh, DeviceMath.Asinh);
    public static DeviceMathReal<T> Acosh(DeviceMathReal<T> x) => Math1(x, DeviceMath.Acosh, DeviceMath.Acosh);
    public static DeviceMathReal<T> Atanh(DeviceMathReal<T> x) => Math1(x, DeviceMath.Atanh, DeviceMath.Atanh);
    public static DeviceMathReal<T> Exp(DeviceMathReal<T> x) => Math1(x, DeviceMath.Exp, DeviceMath.Exp);
    public static DeviceMathReal<T> Exp2(DeviceMathReal<T> x) => Math1(x, DeviceMath.Exp2, DeviceMath.Exp2);
    public static DeviceMathReal<T> Log(DeviceMathReal<T> x) => Math1(x, DeviceMath.Log, DeviceMath.Log);
    public static DeviceMathReal<T> Log2(DeviceMathReal<T> x) => Math1(x, DeviceMath.Log2, DeviceMath.Log2);
    public static DeviceMathReal<T> Log10(DeviceMathReal<T> x) => Math1(x, DeviceMath.Log10, DeviceMath.Log10);
    public static DeviceMathReal<T> Cbrt(DeviceMathReal<T> x) => Math1(x, DeviceMath.Cbrt, DeviceMath.Cbrt);
    public static DeviceMathReal<T> Atan2(DeviceMathReal<T> x, DeviceMathReal<T> y) => Math2(x, y, DeviceMath.Atan2, DeviceMath.Atan2);
    public static DeviceMathReal<T> Pow(DeviceMathReal<T> x, DeviceMathReal<T> y) => Math2(x, y, DeviceMath.Pow, DeviceMath.Pow);
    public static DeviceMathReal<T> Hypot(DeviceMathReal<T> x, DeviceMathReal<T> y) => Math2(x, y, DeviceMath.Hypot, DeviceMath.Hypot);
    public static (DeviceMathReal<T> Sin, DeviceMathReal<T> Cos) SinCos(DeviceMathReal<T> x) => (Sin(x), Cos(x));
    public static DeviceMathReal<T> FusedMultiplyAdd(DeviceMathReal<T> a, DeviceMathReal<T> b, DeviceMathReal<T> c) => new(T.FusedMultiplyAdd(a.Value, b.Value, c.Value));
    public static DeviceMathReal<T> Log(DeviceMathReal<T> x, DeviceMathReal<T> newBase) => Log(x) / Log(newBase);

    // As T
    public static DeviceMathReal<T> Sqrt(DeviceMathReal<T> x) => new(T.Sqrt(x.Value));
    public static DeviceMathReal<T> Abs(DeviceMathReal<T> x) => new(T.Abs(x.Value));
    public static DeviceMathReal<T> BitDecrement(DeviceMathReal<T> x) => new(T.BitDecrement(x.Value));
    public static DeviceMathReal<T> BitIncrement(DeviceMathReal<T> x) => new(T.BitIncrement(x.Value));
    public static DeviceMathReal<T> Exp10(DeviceMathReal<T> x) => new(T.Exp10(x.Value));
    public static DeviceMathReal<T> AcosPi(DeviceMathReal<T> x) => new(T.AcosPi(x.Value));
    public static DeviceMathReal<T> AsinPi(DeviceMathReal<T> x) => new(T.AsinPi(x.Value));
    public static DeviceMathReal<T> AtanPi(DeviceMathReal<T> x) => new(T.AtanPi(x.Value));
    public static DeviceMathReal<T> CosPi(DeviceMathReal<T> x) => new(T.CosPi(x.Value));
    public static DeviceMathReal<T> SinPi(DeviceMathReal<T> x) => new(T.SinPi(x.Value));
    public static DeviceMathReal<T> TanPi(DeviceMathReal<T> x) => new(T.TanPi(x.Value));
    public static DeviceMathReal<T> Atan2Pi(DeviceMathReal<T> x, DeviceMathReal<T> y) => new(T.Atan2Pi(x.Value, y.Value));
    public static DeviceMathReal<T> Ieee754Remainder(DeviceMathReal<T> x, DeviceMathReal<T> y) => new(T.Ieee754Remainder(x.Value, y.Value));
    public static DeviceMathReal<T> MaxMagnitude(DeviceMathReal<T> x, DeviceMathReal<T> y) => new(T.MaxMagnitude(x.Value, y.Value));
    public static DeviceMathReal<T> MaxMagnitudeNumber(DeviceMathReal<T> x, DeviceMathReal<T> y) => new(T.MaxMagnitudeNumber(x.Value, y.Value));
    public static DeviceMathReal<T> MinMagnitude(DeviceMathReal<T> x, DeviceMathReal<T> y) => new(T.MinMagnitude(x.Value, y.Value));
    public static DeviceMathReal<T> MinMagnitudeNumber(DeviceMathReal<T> x, DeviceMathReal<T> y) => new(T.MinMagnitudeNumber(x.Value, y.Value));
    public static DeviceMathReal<T> Max(DeviceMathReal<T> x, DeviceMathReal<T> y) => new(T.Max(x.Value, y.Value));
    public static DeviceMathReal<T> Min(DeviceMathReal<T> x, DeviceMathReal<T> y) => new(T.Min(x.Value, y.Value));
    public static DeviceMathReal<T> MaxNumber(DeviceMathReal<T> x, DeviceMathReal<T> y) => new(T.MaxNumber(x.Value, y.Value));
    public static DeviceMathReal<T> MinNumber(DeviceMathReal<T> x, DeviceMathReal<T> y) => new(T.MinNumber(x.Value, y.Value));
    public static (DeviceMathReal<T> SinPi, DeviceMathReal<T> CosPi) SinCosPi(DeviceMathReal<T> x) { var (s, c) = T.SinCosPi(x.Value); return (new(s), new(c)); }
    public static DeviceMathReal<T> RootN(DeviceMathReal<T> x, int n) => new(T.RootN(x.Value, n));
    public static DeviceMathReal<T> ScaleB(DeviceMathReal<T> x, int n) => new(T.ScaleB(x.Value, n));
    public static int ILogB(DeviceMathReal<T> x) => T.ILogB(x.Value);
    public static DeviceMathReal<T> Round(DeviceMathReal<T> x, int digits, MidpointRounding mode) => new(T.Round(x.Value, digits, mode));
    public static DeviceMathReal<T> E => new(T.E);
    public static DeviceMathReal<T> Pi => new(T.Pi);
    public static DeviceMathReal<T> Tau => new(T.Tau);
    public static DeviceMathReal<T> Epsilon => new(T.Epsilon);
    public static DeviceMathReal<T> NaN => new(T.NaN);
    public static DeviceMathReal<T> NegativeInfinity => new(T.NegativeInfinity);
    public static DeviceMathReal<T> NegativeZero => new(T.NegativeZero);
    public static DeviceMathReal<T> PositiveInfinity => new(T.PositiveInfinity);
    public static DeviceMathReal<T> One => new(T.One);
    public static DeviceMathReal<T> Zero => new(T.Zero);
    public static DeviceMathReal<T> NegativeOne => new(T.NegativeOne);
    public static DeviceMathReal<T> AdditiveIdentity => new(T.Zero);
    public static DeviceMathReal<T> MultiplicativeIdentity => new(T.One);
    public static int Radix => T.Radix;
    public static bool IsCanonical(DeviceMathReal<T> x) => T.IsCanonical(x.Value);
    public static bool IsComplexNumber(DeviceMathReal<T> x) => T.IsComplexNumber(x.Value);
    public static bool IsEvenInteger(DeviceMathReal<T> x) => T.IsEvenInteger(x.Value);
    public static bool IsFinite(DeviceMathReal<T> x) => T.IsFinite(x.Value);
    public static bool IsImaginaryNumber(DeviceMathReal<T> x) => T.IsImaginaryNumber(x.Value);
    public static bool IsInfinity(DeviceMathReal<T> x) => T.IsInfinity(x.Value);
    public static bool IsInteger(DeviceMathReal<T> x) => T.IsInteger(x.Value);
    public static bool IsNaN(DeviceMathReal<T> x) => T.IsNaN(x.Value);
    public static bool IsNegative(DeviceMathReal<T> x) => T.IsNegative(x.Value);
    public static bool IsNegativeInfinity(DeviceMathReal<T> x) => T.IsNegativeInfinity(x.Value);
    public static bool IsNormal(DeviceMathReal<T> x) => T.IsNormal(x.Value);
    public static bool IsOddInteger(DeviceMathReal<T> x) => T.IsOddInteger(x.Value);
    public static bool IsPositive(DeviceMathReal<T> x) => T.IsPositive(x.Value);
    public static bool IsPositiveInfinity(DeviceMathReal<T> x) => T.IsPositiveInfinity(x.Value);
    public static bool IsRealNumber(DeviceMathReal<T> x) => T.IsRealNumber(x.Value);
    public static bool IsSubnormal(DeviceMathReal<T> x) => T.IsSubnormal(x.Value);
    public static bool IsZero(DeviceMathReal<T> x) => T.IsZero(x.Value);
    public static DeviceMathReal<T> operator +(DeviceMathReal<T> a, DeviceMathReal<T> b) => new(a.Value + b.Value);
    public static DeviceMathReal<T> operator -(DeviceMathReal<T> a, DeviceMathReal<T> b) => new(a.Value - b.Value);
    public static DeviceMathReal<T> operator *(DeviceMathReal<T> a, DeviceMathReal<T> b) => new(a.Value * b.Value);
    public static DeviceMathReal<T> operator /(DeviceMathReal<T> a, DeviceMathReal<T> b) => new(a.Value / b.Value);
    public static DeviceMathReal<T> operator %(DeviceMathReal<T> a, DeviceMathReal<T> b) => new(a.Value % b.Value);
    public static DeviceMathReal<T> operator -(DeviceMathReal<T> a) => new(-a.Value);
    public static DeviceMathReal<T> operator +(DeviceMathReal<T> a) => a;
    public static DeviceMathReal<T> operator ++(DeviceMathReal<T> a) => new(a.Value + T.One);
    public static DeviceMathReal<T> operator --(DeviceMathReal<T> a) => new(a.Value - T.One);
    public static bool operator <(DeviceMathReal<T> a, DeviceMathReal<T> b) => a.Value < b.Value;
    public static bool operator <=(DeviceMathReal<T> a, DeviceMathReal<T> b) => a.Value <= b.Value;
    public static bool operator >(DeviceMathReal<T> a, DeviceMathReal<T> b) => a.Value > b.Value;
    public static bool operator >=(DeviceMathReal<T> a, DeviceMathReal<T> b) => a.Value >= b.Value;
    public static bool operator ==(DeviceMathReal<T> a, DeviceMathReal<T> b) => a.Value == b.Value;
    public static bool operator !=(DeviceMathReal<T> a, DeviceMathReal<T> b) => a.Value != b.Value;
    public int CompareTo(object? obj) => obj is DeviceMathReal<T> other ? CompareTo(other) : obj is null ? 1 : throw new ArgumentException("Not a DeviceMathReal.", nameof(obj));
    public int CompareTo(DeviceMathReal<T> other) => Value.CompareTo(other.Value);
    public bool Equals(DeviceMathReal<T> other) => Value.Equals(other.Value);
    public override bool Equals(object? obj) => obj is DeviceMathReal<T> other && Equals(other);
    public override int GetHashCode() => Value.GetHashCode();
    public override string ToString() => Value.ToString(null, CultureInfo.InvariantCulture);
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) => Value.TryFormat(destination, out charsWritten, format, provider);
    public int GetExponentByteCount() => Value.GetExponentByteCount();
    public int GetExponentShortestBitLength() => Value.GetExponentShortestBitLength();
    public int GetSignificandBitLength() => Value.GetSignificandBitLength();
    public int GetSignificandByteCount() => Value.GetSignificandByteCount();
    public bool TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteExponentBigEndian(destination, out bytesWritten);
    public bool TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteExponentLittleEndian(destination, out bytesWritten);
    public bool TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteSignificandBigEndian(destination, out bytesWritten);
    public bool TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten) => Value.TryWriteSignificandLittleEndian(destination, out bytesWritten);
    public static DeviceMathReal<T> Parse(string s, IFormatProvider? provider) => new(T.Parse(s, provider));
    public static DeviceMathReal<T> Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(T.Parse(s, provider));
    public static DeviceMathReal<T> Parse(string s, NumberStyles style, IFormatProvider? provider) => new(T.Parse(s, style, provider));
    public static DeviceMathReal<T> Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => new(T.Parse(s, style, provider));
    public static bool TryParse(string? s, IFormatProvider? provider, out DeviceMathReal<T> result) { bool ok = T.TryParse(s, provider, out T v); result = new(v); return ok; }
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out DeviceMathReal<T> result) { bool ok = T.TryParse(s, provider, out T v); result = new(v); return ok; }
    public static bool TryParse(string? s, NumberStyles style, IFormatProvider? provider, out DeviceMathReal<T> result) { bool ok = T.TryParse(s, style, provider, out T v); result = new(v); return ok; }
    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out DeviceMathReal<T> result) { bool ok = T.TryParse(s, style, provider, out T v); result = new(v); return ok; }
    static bool INumberBase<DeviceMathReal<T>>.TryConvertFromChecked<TOther>(TOther value, out DeviceMathReal<T> result) { result = new(T.CreateChecked(value)); return true; }
    static bool INumberBase<DeviceMathReal<T>>.TryConvertFromSaturating<TOther>(TOther value, out DeviceMathReal<T> result) { result = new(T.CreateSaturating(value)); return true; }
    static bool INumberBase<DeviceMathReal<T>>.TryConvertFromTruncating<TOther>(TOther value, out DeviceMathReal<T> result) { result = new(T.CreateTruncating(value)); return true; }
    static bool INumberBase<DeviceMathReal<T>>.TryConvertToChecked<TOther>(DeviceMathReal<T> value, out TOther result) { result = TOther.CreateChecked(value.Value); return true; }
    static bool INumberBase<DeviceMathReal<T>>.TryConvertToSaturating<TOther>(DeviceMathReal<T> value, out TOther result) { result = TOther.CreateSaturating(value.Value); return true; }
    static bool INumberBase<DeviceMathReal<T>>.TryConvertToTruncating<TOther>(DeviceMathReal<T> value, out TOther result) { result = TOther.CreateTruncating(value.Value); return true; }
}
