using System;
using System.Collections.Generic;
using System.Linq;

namespace Dual.Generators.Tests;

/// <summary>
/// A probe: the body of <c>[Differentiable] public static double Name(double x)</c> that risks a silently wrong
/// derivative. <see cref="Id"/> is the DUAL error it must get (at the <c>/*!*/</c> marker, which precedes the
/// user's expression), or <see langword="null"/> when it must compile and differentiate correctly; then
/// <see cref="Derivative"/> is the closed form, or (when absent) the oracle is a 5-point finite difference of the
/// original method.
/// </summary>
public sealed record Probe(string Name, string Id, string Body, Func<double, double>? Derivative = null)
{
    /// <summary>
    /// When set, the root cause is in a helper the probe calls (a method of <see cref="SilentWrongProbes.Support"/>,
    /// differentiated transitively): the diagnostic is expected there, just after the marker <c>/*!Name*/</c>, and
    /// none in the probe itself.
    /// </summary>
    public string? InSupport { get; init; }

    public override string ToString() => Name;
}

/// <summary>The silent-wrong-risk corpus (issue 10): every way a floating value can leave the arithmetic.</summary>
public static class SilentWrongProbes
{
    public const string Ok = "";

    /// <summary>Types the probes use; compiled beside them (File1).</summary>
    public const string Support = """
        using System;
        using System.Collections.Generic;
        using System.Numerics;
        using Dual;

        namespace Probes;

        // A [Differentiable] instance method writing its own field: shadowed in the twin, primal written back.
        public sealed partial class Acc
        {
            private double _sum = 1;
            [Differentiable] public double Add(double v) { _sum += v * v; return _sum * v; }
        }

        public sealed class Box
        {
            private double _v;
            public double Value { get; set; }
            public void Set(double v) => /*!BoxSet*/_v = v;
            public double Get() => _v;
        }

        public sealed class RunningStats
        {
            private int _n;
            private double _mean, _m2;
            public void Push(double v) { _n++; double d = v - _mean; /*!Push*/_mean += d / _n; _m2 += d * (v - _mean); }
            public double Variance => _n > 1 ? _m2 / (_n - 1) : 0;
        }

        public struct Vec3
        {
            public double X, Y, Z;
            public Vec3(double x, double y, double z) { X = x; Y = y; Z = z; }
            public double Norm => Math.Sqrt(X * X + Y * Y + Z * Z);
        }

        public record Pt(double V);

        public struct Vec2
        {
            public double X, Y;
            public void Deconstruct(out double x, out double y) { x = X; y = Y; }
        }

        public static class Holder<T> { public static T? Value; }

        public static class Helpers
        {
            public static void Store<T>(T v) => Holder<T>.Value = v;
            public static T Twice<T>(T v) where T : INumber<T> => v + v;
            public static T Scale<T>(T v, double k) where T : IFloatingPointIeee754<T> => v * T.CreateChecked(k);
            public static void FillWith<T>(Span<T> s, T v) => s.Fill(v);
            public static double Integrate(Func<double, double> f, double a, double b) => (f(a) + f(b)) * (b - a) / 2;
            public static double Opaque(double v) => Math.Exp(v);
            public static void Out(double v, out double w) => w = v * 2;
            public static void Log(double v) { }
            public static readonly List<double> Table = new() { 1.0, 2.0 };
            public static List<double> MakeList() => new() { 1.0 };
        }

        public static partial class Callees
        {
            [Differentiable] public static double Def(double x, double y = 2.0) => x * y;
            [Differentiable] public static double Mixed(double x, int n = 3, double y = 0.5) => x * n + y;
            [Differentiable] public static double Sum(params double[] v) { double s = 0; foreach (double e in v) s += e; return s; }
            [Differentiable] public static double Weighted(double x, double w = 1.5, params double[] rest) { double s = x * w; foreach (double e in rest) s += e * e; return s; }
            [Differentiable] public static double Dot(double[] a, double s) => a[0] * s;
            [Differentiable] public static void Twice(double x, out double y) { y = 2 * x; }
            [Differentiable] public static double Broken(double x) => (double)((decimal)x * 2m);
            [Differentiable] public static (double[] A, double[,] M) Pair(double x) => (new[] { x * x }, new[,] { { x } });
        }

        public sealed class Lookup
        {
            public int this[double t] => (int)(t * 10);
        }

        public sealed class Grid
        {
            private readonly double[] _v = new double[4];
            public double this[int i] { get => _v[i]; set => _v[i] = value; }
            public double At(double t) => /*!GridAt*/_v[(int)t];
        }

        public static class NotPartialHost
        {
            [Differentiable] public static double Lost(double x) => x * x;
        }
        """;

    public static readonly Probe[] All =
    {
        // ---- conversion to another continuous type and back ----------------------------------------------------
        new("DecimalRoundTrip", "DUAL005", "return (double)(/*!*/(decimal)x * 2m);"),
        new("DecimalCommission", "DUAL005", "decimal price = /*!*/(decimal)x;\ndecimal fee = price * 0.015m;\nreturn x + (double)fee;"),
        new("ConvertToDecimal", "DUAL005", "return (double)Convert.ToDecimal(/*!*/x) * 3;"),
        new("HalfRoundTrip", "DUAL005", "return (double)/*!*/(Half)x;"),
        new("NFloatRoundTrip", "DUAL005", "return (double)/*!*/(System.Runtime.InteropServices.NFloat)x;"),
        new("ComplexImplicit", "DUAL005", "Complex c = /*!*/x;\nreturn (c * c).Real;"),
        new("ComplexConstructor", "DUAL005", "return new Complex(/*!*/x, 1).Magnitude;"),
        new("TimeSpanRoundTrip", "DUAL005", "return TimeSpan.FromSeconds(/*!*/x).TotalSeconds;"),
        new("BitsRoundTrip", "DUAL005", "return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(/*!*/x));"),
        new("BytesRoundTrip", "DUAL005", "return BitConverter.ToDouble(BitConverter.GetBytes(/*!*/x), 0);"),
        new("SingleBits", "DUAL005", "return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(/*!*/(float)x));"),
        new("UnsafeAs", "DUAL001", "long bits = /*!*/System.Runtime.CompilerServices.Unsafe.As<double, long>(ref x);\nreturn bits;"),
        new("MemoryMarshalCast", "DUAL005", "Span<double> s = stackalloc double[1];\ns[0] = x;\nvar l = System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(/*!*/s);\nreturn BitConverter.Int64BitsToDouble(l[0]);"),
        new("TextRoundTrip", "DUAL005", "return /*!*/double.Parse(x.ToString(\"R\", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);"),
        new("InterpolatedRoundTrip", "DUAL005", "string s = FormattableString.Invariant($\"{x:R}\");\nreturn /*!*/double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) * 2;"),
        new("StringBuilderRoundTrip", "DUAL005", "var sb = new System.Text.StringBuilder();\nsb.Append(x);\nreturn /*!*/Convert.ToDouble(sb.ToString());"),
        new("DecimalParseRoundTrip", "DUAL005", "decimal d = decimal.Parse(x.ToString());\nreturn /*!*/(double)d;"),
        new("ObjectBox", "DUAL005", "object o = /*!*/x;\nreturn (double)o * 2;"),
        new("DynamicBox", "DUAL005", "dynamic d = /*!*/x;\nreturn x;"),
        new("InterfaceBox", "DUAL006", "/*!*/IComparable<double> c = x;\nreturn c.CompareTo(1.0) > 0 ? x : -x;"),
        // double? is Dual<double>? in the twin: null paths must behave as in the method, values must keep their tangent.
        new("NullableLocal", Ok, "double? n = x;\nreturn n.Value * 2;", x => 2),
        new("NullableNullCompares", Ok, "double? n = x > 100 ? x : null;\nreturn n > 1.0 || n == 0.5 ? x * x : 3 * x;", x => 3),
        new("NullableValueCompares", Ok, "double? n = x * x;\nreturn n > 1.0 ? n.Value * x : -x;", x => x * x > 1 ? 3 * x * x : -1),
        new("NullableCoalesceNull", Ok, "double? n = null;\nif (x > 100) n = x;\nreturn (n ?? x * x) * 2;", x => 4 * x),
        new("NullableGetValueOrDefault", Ok, "double? n = null;\ndouble? m = x * 3;\nreturn n.GetValueOrDefault(x) * x + m.GetValueOrDefault();", x => 2 * x + 3),
        new("NullableBindPattern", Ok, "double? n = x > 0 ? x * x : null;\nreturn n is { } v ? v * 3 : x;", x => 6 * x),
        new("NullableLifted", Ok, "double? w = null;\ndouble? a = w * x;\ndouble? b = (double?)x * x;\nreturn (a ?? 1.0) + (b ?? 0.0);", x => 2 * x),
        new("NullableIntCast", Ok, "double? n = x * 10;\nint k = (int)n;\nreturn x * k;", x => (int)(x * 10)),
        new("NullableFormatted", Ok, "double? n = x > 100 ? x : null;\nstring s = $\"{n}\" + n;\nreturn x * (s.Length + 1);", x => 1),
        // Own-field state: exact for one call on a new object; carried to a later call it would lose its derivative.
        new("OwnStateFreshObject", Ok, "return new Probes.Acc().Add(x) * 2;", x => 2 + 6 * x * x),
        new("OwnStateCarriedToNextCall", "DUAL004", "var acc = new Probes.Acc();\nreturn /*!*/acc.Add(x) + x;"),
        new("NullableToString", "DUAL005", "double? n = x;\nreturn x * (/*!*/n.ToString().Length > 0 ? 2 : 1);"),
        new("NullableIncrement", Ok, "double? n = x;\nn++;\nn += x;\nreturn n.Value * x;", x => 4 * x + 1),
        new("NullableValuePattern", "DUAL003", "double? n = x;\nreturn n is /*!*/> 1.0 ? x : 2 * x;"),
        new("DefaultComparerEquals", "DUAL005", "return EqualityComparer<double>.Default.Equals(/*!*/x, 1.0) ? 0 : x;"),

        // ---- allowed primal-only destinations: derivative still right ---------------------------------------------
        new("IntegerCast", Ok, "return x * (int)x;", x => (int)x),
        new("LongFloor", Ok, "long k = (long)Math.Floor(x * 10);\nreturn x * x + k;", x => 2 * x),
        new("BigIntegerStep", Ok, "return x + (double)(BigInteger)(x * 1000) / 1000;", _ => 1),
        new("CheckedCast", Ok, "int k = checked((int)(x * 4));\nreturn k * x;", x => (int)(x * 4)),
        new("SignTimesX", Ok, "return x * Math.Sign(x) + double.Sign(x);", x => Math.Sign(x)),
        new("ConvertToInt", Ok, "return x * x * Convert.ToInt32(x);", x => 2 * x * Convert.ToInt32(x)),
        new("RoundIsConstant", Ok, "return x + Math.Round(x) + Math.Floor(x) + Math.Truncate(x);", _ => 1),
        new("EnumCast", Ok, "var d = (DayOfWeek)(int)x;\nreturn d == DayOfWeek.Monday ? x : 2 * x;", x => (int)x == 1 ? 1 : 2),
        new("Predicates", Ok, "if (double.IsNaN(x) || !double.IsFinite(x) || double.IsNegative(x)) return 0;\nreturn x * x;", x => 2 * x),
        new("FormattingIsFine", Ok, "string s = $\"x = {x:F3}\" + \" \" + x + x.ToString(System.Globalization.CultureInfo.InvariantCulture);\nSystem.Diagnostics.Debug.WriteLine(s);\nreturn s.Length > 0 ? x * x * x : 0;", x => 3 * x * x),
        new("CompareToAndEquals", Ok, "return x.CompareTo(1.0) > 0 || x.Equals(0.5) ? x * x : x;", x => x > 1.0 ? 2 * x : 1),
        new("Guards", Ok, "ArgumentOutOfRangeException.ThrowIfNegative(x);\nif (x > 1e9) throw new ArgumentOutOfRangeException(nameof(x), x, \"too big\");\nreturn Math.Sqrt(x);", x => 0.5 / Math.Sqrt(x)),
        new("IntHashIsStep", Ok, "int n = (int)(x * 3) % 4;\nreturn n * x + x;", x => (int)(x * 3) % 4 + 1),

        // ---- user objects that may keep a value -------------------------------------------------------------------
        // Box and RunningStats are mutable classes, not aggregates: their methods are differentiated as helpers, whose
        // writes of a dual value into the object are reported in the helper.
        new("BoxSetGet", "DUAL004", "var box = new Box();\nbox.Set(x);\nreturn box.Get();") { InSupport = "BoxSet" },
        new("RunningStatistics", "DUAL004", "var stats = new RunningStats();\nfor (int i = 0; i < 4; i++)\n{\n    double r = x * i;\n    stats.Push(r);\n}\nreturn stats.Variance;") { InSupport = "Push" },
        new("PropertySetter", "DUAL004", "var box = new Box();\n/*!*/box.Value = x * 2;\nreturn box.Value;"),
        new("ObjectInitializer", "DUAL004", "var box = new Box { /*!*/Value = x };\nreturn box.Value;"),
        // Vec3 (a struct) and Pt (a record) are aggregates: their dual types carry the tangents.
        new("StructInitializer", Ok, "var v = new Vec3 { X = x, Y = 1 };\nreturn v.Norm;", x => x / Math.Sqrt(x * x + 1)),
        new("StructConstructor", Ok, "var v = new Vec3(x, 0, 0);\nreturn v.Norm;", _ => 1),
        new("RecordWith", Ok, "var p = new Pt(1.0) with { V = x };\nreturn p.V * p.V;", x => 2 * x),
        // Generic collections of doubles are collections of dual numbers in the twin; what the twin keeps constant, or
        // hands to code that does not carry derivatives, is reported.
        new("ListOfDouble", Ok, "var l = new List<double>();\nl.Add(x);\nl.Add(x * x);\nreturn l[0] * l[1];", x => 3 * x * x),
        new("ListAddIntoStaticList", "DUAL005", "Helpers.Table.Add(/*!*/x);\nreturn Helpers.Table[Helpers.Table.Count - 1];"),
        new("ListCopiedFromStaticList", "DUAL013", "var l = new List<double>(/*!*/Helpers.Table);\nl.Add(x);\nreturn l[l.Count - 1];"),
        new("ListFromNonDifferentiatedCall", "DUAL013", "List<double> l = /*!*/Helpers.MakeList();\nl.Add(x);\nreturn l[1];"),
        new("ListContainsComparesTangents", "DUAL005", "var l = new List<double> { x, 2.0 };\nreturn /*!*/l.Contains(2.0) ? l[0] : 0;"),
        new("ListFormattedAsAWhole", "DUAL005", "var l = new List<double> { x };\nConsole.WriteLine(/*!*/l);\nreturn l[0];"),
        new("ListIntoObjectParameter", "DUAL005", "var l = new List<double> { x };\nobject o = /*!*/l;\nreturn ((List<double>)o)[0];"),
        new("QueueOfDouble", "DUAL006", "/*!*/var q = new Queue<double>();\nq.Enqueue(x);\nreturn q.Dequeue();"),
        new("DictionaryOfDouble", "DUAL006", "/*!*/var d = new Dictionary<string, double>();\nd[\"a\"] = x;\nreturn d[\"a\"];"),
        new("GenericStaticHolder", "DUAL004", "/*!*/Holder<double>.Value = x;\nreturn Holder<double>.Value;"),
        new("GenericVoidHelper", "DUAL005", "Helpers.Store(/*!*/x);\nreturn Holder<double>.Value;"),
        new("StaticFieldReadBack", "DUAL004", "/*!*/s_last = x;\nreturn s_last * 2;"),
        new("StaticPropertyReadBack", "DUAL004", "/*!*/Last = x * x;\nreturn Last;"),
        new("StaticFieldCompound", "DUAL004", "/*!*/s_last += x;\nreturn x;"),
        new("InterlockedExchange", "DUAL001", "return /*!*/System.Threading.Interlocked.Exchange(ref s_last, x);"),
        new("UserLogger", Ok, "Helpers.Log(x);\nreturn x;", _ => 1),
        new("NonDifferentiableOut", Ok, "Helpers.Out(x, out double w);\nreturn w * x;", x => 4 * x),
        new("FieldArrayElementWrite", "DUAL004", "/*!*/s_buf[0] = x;\nreturn s_buf[0];"),
        new("FieldSpanElementWrite", "DUAL004", "/*!*/s_buf.AsSpan()[1] = x;\nreturn s_buf[1];"),
        new("RefLocalToField", "DUAL004", "ref double r = ref /*!*/s_last;\nr = x;\nreturn r;"),
        new("DeconstructIntoField", "DUAL004", "(/*!*/s_last, var b) = (x, x * 2);\nreturn b;"),
        new("VectorConstructor", Ok, "var v = new Vector3((float)x, 0, 0);\nreturn v.Length();", _ => 1),
        new("VectorReflectHasNoTwin", "DUAL001", "var v = new Vector3((float)x, 1, 0);\nreturn /*!*/Vector3.Reflect(v, Vector3.UnitY).X;"),
        new("VectorEqualityComparesValues", "DUAL001", "var v = new Vector3((float)x, 0, 0);\nreturn /*!*/v == Vector3.UnitX ? 0 : v.X;"),
        new("VectorIntoObject", "DUAL005", "var v = new Vector3((float)x, 0, 0);\nobject o = /*!*/v;\nreturn ((Vector3)o).X;"),
        new("VectorFieldWrite", "DUAL004", "var v = new Vector3(1, 0, 0);\n/*!*/v.X = (float)x;\nreturn v.Length();"),

        // ---- in-place array/span family ---------------------------------------------------------------------------
        new("SpanFill", Ok, "Span<double> s = stackalloc double[3];\ns.Fill(x);\nreturn s[0] + s[2] * x;", x => 1 + 2 * x),
        new("SpanFillOverFieldArray", "DUAL005", "s_buf.AsSpan().Fill(/*!*/x);\nreturn s_buf[0];"),
        new("ArrayFill", Ok, "var a = new double[3];\nArray.Fill(a, x);\nreturn a[0] * a[1] + a[2];", x => 2 * x + 1),
        new("ArrayFillField", "DUAL005", "Array.Fill(s_buf, /*!*/x);\nreturn s_buf[0];"),
        new("SpanCopyTo", Ok, "Span<double> s = stackalloc double[2];\ns[0] = x;\ns[1] = x * x;\nSpan<double> t = stackalloc double[2];\ns.CopyTo(t);\nreturn t[0] + t[1];", x => 1 + 2 * x),
        new("SpanTryCopyTo", Ok, "double[] a = { x, 2 * x };\nvar b = new double[2];\nreturn a.AsSpan().TryCopyTo(b) ? b[1] * b[0] : 0;", x => 4 * x),
        new("ArrayCopyDualToDual", Ok, "double[] a = { x, x * x, 3 };\nvar b = new double[3];\nArray.Copy(a, b, 3);\nreturn b[1] + b[2];", x => 2 * x),
        new("ArrayCopyToField", "DUAL013", "double[] a = { x, x * x };\nArray.Copy(a, /*!*/s_buf, 2);\nreturn s_buf[1];"),
        new("CopyFromFieldIntoDual", "DUAL013", "var a = new double[2];\n/*!*/s_buf.AsSpan(0, 2).CopyTo(a);\nreturn a[0] * x;"),
        new("ArrayCopyToMethod", "DUAL013", "double[] a = { x, 2 };\na.CopyTo(/*!*/s_buf, 0);\nreturn s_buf[0];"),
        new("ArrayClear", Ok, "double[] a = { x, x * x, x * x * x };\nArray.Clear(a, 0, 1);\nreturn a[0] + a[1] + a[2];", x => 2 * x + 3 * x * x),
        new("SpanClear", Ok, "Span<double> s = stackalloc double[] { x, x * x };\ns.Slice(1).Clear();\nreturn s[0] + s[1];", _ => 1),
        new("ArrayReverse", Ok, "double[] a = { x, x * x, 1 };\nArray.Reverse(a);\nreturn a[0] + 3 * a[1];", x => 6 * x),
        new("SpanReverse", Ok, "Span<double> s = stackalloc double[] { x, 2 * x, 3 };\ns.Reverse();\nreturn s[0] * s[1];", _ => 6),
        new("ArraySort", Ok, "double[] a = { 3, x, -x };\nArray.Sort(a);\nreturn a[0] + 2 * a[1];", _ => 1),
        new("SpanSort", Ok, "Span<double> s = stackalloc double[] { x * x, 10, -1 };\ns.Sort();\nreturn s[1];", x => 2 * x),
        new("SliceFill", Ok, "var a = new double[4];\na.AsSpan(1, 2).Fill(x);\nreturn a[0] + a[1] + a[2] * x + a[3];", x => 1 + 2 * x),
        new("RangeSlice", Ok, "double[] a = { 1, x, x * x };\ndouble[] b = a[1..];\nreturn b[0] + b[1];", x => 1 + 2 * x),
        new("ArrayResize", Ok, "double[] a = { x };\nArray.Resize(ref a, 3);\na[2] = x * x;\nreturn a[0] + a[2];", x => 1 + 2 * x),
        new("SpanToArray", Ok, "Span<double> s = stackalloc double[] { x, 2 };\ndouble[] a = s.ToArray();\nreturn a[0] * a[1];", _ => 2),
        new("CloneCast", Ok, "double[] a = { x, 2 };\nvar c = (double[])a.Clone();\nc[1] = c[0] * c[0];\nreturn c[1];", x => 2 * x),
        new("SpanConstructor", Ok, "var a = new double[2];\nvar s = new Span<double>(a);\ns.Fill(x);\nreturn a[0] + a[1];", _ => 2),
        new("CollectionExpression", Ok, "double[] a = [x, 2 * x];\nSpan<double> s = [x * x, 1];\nreturn a[1] + s[0];", x => 2 + 2 * x),
        new("SpreadElement", Ok, "double[] a = [x, 1];\ndouble[] b = [.. a, x * x];\nreturn b[0] + b[2];", x => 1 + 2 * x),
        new("SpanIndexOfComparesTangents", "DUAL005", "double[] a = { x, 2 };\nreturn /*!*/a.AsSpan().IndexOf(2.0) * x;"),
        new("SequenceEqual", "DUAL005", "double[] a = { x };\nreturn /*!*/a.AsSpan().SequenceEqual(new double[] { 1.0 }) ? 1 : x;"),
        new("GenericSpanWriter", Ok, "Span<double> s = stackalloc double[2];\nHelpers.FillWith(s, x);\nreturn s[0] * s[1];", x => 2 * x),
        new("ConstantArrayFromConditional", "DUAL013", "double[] a = x > 100 ? /*!*/s_buf : new double[2];\na[0] = x;\nreturn a[0];"),
        new("ConstantArrayIntoTwin", "DUAL013", "return Callees.Dot(/*!*/s_buf, x);"),
        new("ReadingFieldArrayIsFine", Ok, "double s = 0;\nforeach (double c in s_coef) s += c * x;\nreturn s + s_coef[1] * x * x;", x => 6 + 4 * x),

        // ---- calls: defaults, named arguments, params, generics, local functions ----------------------------------
        new("DefaultParameter", Ok, "return Callees.Def(x);", _ => 2),
        new("NamedArguments", Ok, "return Callees.Def(y: x, x: 3.0) + Callees.Def(y: 4.0, x: x);", _ => 7),
        new("DefaultBeforeRequiredInTwin", Ok, "return Callees.Mixed(x) + Callees.Mixed(x, y: x);", _ => 7),
        new("ParamsArguments", Ok, "return Callees.Sum(x, 2 * x, 3) + Callees.Sum() + Callees.Sum(new[] { x, x });", _ => 5),
        new("ParamsWithDefault", Ok, "return Callees.Weighted(x) + Callees.Weighted(x, 2.0, x, 1.0);", x => 1.5 + 2 + 2 * x),
        new("OutToTwin", Ok, "Callees.Twice(x * x, out double y);\nreturn y;", x => 4 * x),
        new("LocalFunctionDefault", Ok, "double Scale(double v, double k = 3) => v * k;\nreturn Scale(x) + Scale(x, k: x);", x => 3 + 2 * x),
        new("LocalFunctionParams", Ok, "double Add(params double[] v) { double s = 0; foreach (double e in v) s += e; return s; }\nreturn Add(x, x * x) + Add();", x => 1 + 2 * x),
        new("LocalFunctionCapture", Ok, "double k = x * x;\ndouble Mul(double v) => v * k;\nreturn Mul(x);", x => 3 * x * x),
        new("NestedLocalFunctions", Ok, "double Outer(double u) { double Inner(double v) => v * u; return Inner(u) + Inner(2); }\nreturn Outer(x);", x => 2 * x + 2),
        new("MathNamedArguments", Ok, "return Math.Pow(y: 2.0, x: x) + Math.Atan2(x: 1.0, y: x);", x => 2 * x + 1 / (1 + x * x)),
        new("GenericMathHelper", Ok, "return Helpers.Twice(x * x);", x => 4 * x),
        new("GenericMathDoubleParam", "DUAL001", "return /*!*/Helpers.Scale(x, x);"),
        new("RuleWithoutDefinition", Ok, "return Helpers.Opaque(x);", Math.Exp),
        new("CalleeInNonPartialType", "DUAL001", "return /*!*/NotPartialHost.Lost(x);"),
        new("CalleeWithErrors", Ok, "return x > 1e300 ? Callees.Broken(x) : x * x;", x => 2 * x),
        new("TupleValueTupleCreate", "DUAL001", "return /*!*/ValueTuple.Create(x, 1.0).Item1;"),
        new("LinqSum", Ok, "double[] a = { x, x };\nreturn System.Linq.Enumerable.Sum(a);", x => 2), // LINQ over dual values is differentiated (LinqOperators)

        // ---- lambdas and delegates: Func/Action lambdas are rewritten over dual numbers; other delegates, one diagnostic --
        new("LambdaLocal", Ok, "Func<double, double> f = v => v * 2;\nreturn f(x);", _ => 2),
        new("LambdaArgument", Ok, "return Helpers.Integrate(v => v * x, 0, 1);", _ => 0.5),
        new("NestedLambdas", Ok, "Func<Func<double, double>> g = () => v => v * x;\nreturn g()(2);", _ => 2),
        new("LambdaWritesCapturedLocal", Ok, "double acc = 0;\nAction<double> add = v => acc += v * v;\nadd(x);\nadd(Math.Sin(x));\nreturn acc;", x => 2 * x + 2 * Math.Sin(x) * Math.Cos(x)),
        new("LambdaReturnedAsObject", "DUAL005", "Func<object> f = () => /*!*/x;\nreturn f() is double d ? d : 0;"),
        new("LambdaFormatsDualValue", "DUAL005", "Func<string> s = () => x.ToString(System.Globalization.CultureInfo.InvariantCulture);\nreturn /*!*/double.Parse(s(), System.Globalization.CultureInfo.InvariantCulture);"),
        new("LambdaToLinqSum", Ok, "double[] a = { 1, 2 };\nreturn System.Linq.Enumerable.Sum(a, v => v * x);", x => 3),
        new("FieldDelegateToHelper", "DUAL003", "return Helpers.Integrate(/*!*/s_fn, 0, x);"),
        new("FieldDelegateIntoLambdaLocal", "DUAL003", "Func<double, double> f = v => v * x;\nf = /*!*/s_fn;\nreturn f(x);"),
        new("MethodGroupDelegate", "DUAL003", "double Sq(double v) => v * v;\nFunc<double, double> f = /*!*/Sq;\nreturn f(x);"),
        new("DelegateField", "DUAL001", "return /*!*/s_fn(x);"),
        new("SortWithComparison", "DUAL003", "double[] a = { x, 1 };\nArray.Sort(a, /*!*/(p, q) => q.CompareTo(p));\nreturn a[0];"),
        new("AnonymousType", "DUAL003", "var a = /*!*/new { V = x };\nreturn a.V;"),

        // ---- tuples, patterns, ref locals ---------------------------------------------------------------------------
        new("TupleLocal", Ok, "var t = (A: x, B: 2.0);\nt.B = t.A * t.A;\nreturn t.A + t.B;", x => 1 + 2 * x),
        new("TupleEquality", "DUAL003", "return /*!*/(x, 1.0) == (1.0, 1.0) ? 0 : x;"),
        new("TupleToString", "DUAL005", "var t = (x, 1.0);\nreturn /*!*/t.ToString().Length + x;"),
        new("PatternsOnPrimal", Ok, "return x switch { < 0.5 => -x, >= 0.5 and < 2 => x * x, _ => 3 * x } + (x is > 1 ? x : 0);", x => (x < 0.5 ? -1 : x < 2 ? 2 * x : 3) + (x > 1 ? 1 : 0)),
        new("TuplePattern", Ok, "return (x, 2 * x) switch { (> 1, _) => x * x, _ => x };", x => x > 1 ? 2 * x : 1),
        new("RefLocalToElement", Ok, "double[] a = { x, 1 };\nref double r = ref a[1];\nr = x * x;\nreturn a[1];", x => 2 * x),
        new("FloatPrecision", Ok, "float f = (float)x;\nreturn (double)(f * f);", x => 2 * x),

        // ---- second batch: more of each class ----------------------------------------------------------------------
        new("ParameterReassigned", Ok, "x = x * x;\nwhile (x > 100) x -= 1;\nreturn x;", x => 2 * x),
        new("DualLoopCounter", Ok, "double acc = 0;\nfor (double t = x; t < x + 1; t += 0.25) acc += t;\nreturn acc;", _ => 4),
        new("InArgumentToTwin", Ok, "return InCallee(in x) + InCallee(x * 2);", _ => 9),
        new("OutDiscardToTwin", Ok, "Callees.Twice(x, out _);\nCallees.Twice(x, out var y);\nreturn y;", _ => 2),
        new("LocalFunctionTuple", Ok, "(double A, double B) Pair(double v) => (v * v, v);\nvar (a, b) = Pair(x);\nreturn a + 3 * b;", x => 2 * x + 3),
        new("IndexFromEnd", Ok, "double[] a = { 1, x, x * x };\nSpan<double> s = a;\nreturn a[^1] + s[^2] + s[1..^1][0];", x => 2 * x + 2),
        new("RefForeach", Ok, "Span<double> s = stackalloc double[] { 1, 2 };\nforeach (ref double e in s) e *= x;\nreturn s[0] + s[1];", _ => 3),
        new("ArrayToSpanConversions", Ok, "double[] a = { x, 2 * x };\nSpan<double> s = a;\nReadOnlySpan<double> r = s;\nreturn r[0] * r[1];", x => 4 * x),
        new("MultiDimensional", Ok, "var m = new double[2, 2];\nm[0, 1] = x;\nm[1, 0] = x * x;\nreturn m[0, 1] + m[1, 0] + m.GetLength(0);", x => 1 + 2 * x),
        new("Jagged", Ok, "var j = new double[2][];\nj[0] = new[] { x };\nj[1] = new double[] { x * x };\nreturn j[0][0] + j[1][0];", x => 1 + 2 * x),
        new("TupleArray", Ok, "var ps = new (double A, int N)[2];\nps[0] = (x, 2);\nps[1] = (x * x, 3);\ndouble s = 0;\nforeach (var (a, n) in ps) s += a * n;\nreturn s;", x => 2 + 6 * x),
        new("ConditionalRef", Ok, "double[] a = { x, x * x };\nref double r = ref (x > 1 ? ref a[0] : ref a[1]);\nreturn r * 2;", x => x > 1 ? 2 : 4 * x),
        new("StackallocArgument", Ok, "return SpanSum(stackalloc double[] { x, x * x });", x => 1 + 2 * x),
        new("CopySignAndClamp", Ok, "return Math.CopySign(x * x, -1.0) + Math.Clamp(x, 0, 2) + double.Max(x, 1);", x => -2 * x + (x < 2 ? 1 : 0) + (x > 1 ? 1 : 0)),
        new("RoundDigits", Ok, "return Math.Round(x, 2) + Math.Round(x, MidpointRounding.ToEven) + x * x;", x => 2 * x),
        new("CheckedArithmetic", Ok, "return checked(x * 2 + (int)x);", _ => 2),
        new("NameofAndTypeof", Ok, "string n = nameof(x) + typeof(double).Name + sizeof(double);\nreturn n.Length * x;", _ => 8),
        new("EqualsObject", Ok, "return x.Equals((object)(x * 1.0)) ? x * x : 0;", x => 2 * x),
        new("ThrowExpressionArm", Ok, "return x switch { < 0 => throw new ArgumentOutOfRangeException(nameof(x), x, null), _ => Math.Log(x) };", x => 1 / x),
        new("CompoundIntoFieldArray", "DUAL004", "/*!*/s_buf[0] += x;\nreturn x;"),
        new("IncrementConstantIsFine", Ok, "s_count++;\nreturn x * s_coef[0];", _ => 1),
        new("GetHashCodeOfDual", "DUAL005", "return /*!*/x.GetHashCode() + x;"),
        new("GetTypeOfDual", "DUAL005", "return /*!*/x.GetType().Name.Length * x;"),
        new("ArrayIndexOf", "DUAL005", "double[] a = { x, 1 };\nreturn Array.IndexOf(/*!*/a, 1.0) + x;"),
        new("FormatWholeArray", "DUAL005", "double[] a = { x };\nConsole.Write(/*!*/a);\nreturn x;"),
        new("JoinArray", "DUAL005", "double[] a = { x, 1 };\nreturn string.Join(\",\", /*!*/a).Length + x;"),
        new("LinqSelect", Ok, "double[] a = { 1, 2 };\nreturn System.Linq.Enumerable.Sum(System.Linq.Enumerable.Select(a, v => v * x));", x => 3),
        new("DiscardedArrayInDeconstruction", Ok, "var (a, _) = Callees.Pair(x);\nreturn a[0];", x => 2 * x),
        new("DeconstructedArraysBothRead", Ok, "var (a, m) = Callees.Pair(x);\nreturn a[0] * m[0, 0];", x => 3 * x * x),
        new("PatternVarDesignation", Ok, "return x is var v && v > 1 ? v * v : x;", x => x > 1 ? 2 * x : 1),
        new("PatternTypedDesignation", "DUAL003", "return x is /*!*/double v && v > 1 ? v : x;"),
        new("SwitchCaseDesignation", "DUAL003", "switch (x)\n{\n    case /*!*/double d when d > 1: return d * d;\n    default: return x;\n}"),
        new("EventStyleInvoke", "DUAL001", "return s_fn?/*!*/.Invoke(x) ?? 0;"),
        new("GenericLocalFunction", "DUAL003", "/*!*/T Id<T>(T v) => v;\nreturn Id(x);"),
        new("StructLocalFieldWrite", Ok, "Vec3 v = default;\nv.X = x;\nv.Y = x * x;\nreturn v.Norm;", x => (x + 2 * x * x * x) / Math.Sqrt(x * x + x * x * x * x)),
        new("ObjectEqualsStatic", "DUAL005", "return Equals(/*!*/x, 1.0) ? 1 : x;"),
        new("IFormattableBox", "DUAL005", "IFormattable f = /*!*/x;\nreturn f.ToString(null, null).Length;"),
        new("ValueTupleConstructor", "DUAL003", "var t = /*!*/new ValueTuple<double, double>(x, 1);\nreturn t.Item1;"),
        new("UserIndexerWrite", "DUAL004", "var g = new Grid();\n/*!*/g[0] = x;\nreturn g[0];"),
        new("UserMethodReturningDouble", "DUAL015", "var g = new Grid();\nreturn g.At(x);") { InSupport = "GridAt" },
        new("FloatToDecimal", "DUAL005", "float f = (float)x;\nreturn (double)/*!*/(decimal)f;"),
        new("SpanOverFieldIntoLocal", "DUAL013", "Span<double> s = /*!*/s_buf;\ns[0] = x;\nreturn s[0];"),
        new("ReturnsFieldArrayElementSum", Ok, "double s = 0;\nfor (int i = 0; i < s_coef.Length; i++) s += s_coef[i] * x * x;\nreturn s;", x => 12 * x),
        new("LocalFunctionWritesCaptured", Ok, "double acc = 0;\nvoid Add(double v) => acc += v * v;\nAdd(x);\nAdd(2 * x);\nreturn acc;", x => 10 * x),
        new("LocalFunctionRefParam", Ok, "static void Sq(ref double v) => v *= v;\ndouble y = x;\nSq(ref y);\nreturn y;", x => 2 * x),
        new("InterpolationAlignment", Ok, "string s = $\"{x,10:F2}|{x * 2:E3}\";\nreturn s.Length + x;", _ => 1),
        new("StringConcatMethod", Ok, "string s = string.Concat(\"a\", x, 1) + string.Format(\"{0}\", x);\nreturn s.Length > 0 ? x : 0;", _ => 1),
        new("TextRoundTripViaConcat", "DUAL005", "string s = \"\" + x;\nreturn /*!*/double.Parse(s) + x;"),
        new("FloatTextRoundTrip", "DUAL005", "float f = (float)x;\nreturn /*!*/float.Parse(f.ToString(\"R\"));"),
        new("UserIndexerByDouble", "DUAL005", "var lut = new Lookup();\nreturn lut[/*!*/x] * x;"),
        new("ForeachIntoIntLoopVariable", "DUAL005", "double[] a = { x, 2 * x };\nint n = 0;\nforeach (int i in /*!*/a) n += i;\nreturn n + x;"),
        new("InFieldToTwin", "DUAL004", "return InCallee2(x, in /*!*/s_last);"),
        new("DynamicMemberWrite", "DUAL003", "dynamic d = new System.Dynamic.ExpandoObject();\n/*!*/d.V = x;\nreturn x;"),
        new("ForeachOverFieldArrayWithVar", Ok, "double s = 0;\nforeach (var c in s_coef) s += c * c * x;\nreturn s;", _ => 14),
        new("NamedParamsElement", Ok, "return Callees.Weighted(rest: x, x: 2.0, w: x) + Callees.Weighted(x, rest: x);", x => 3.5 + 4 * x),
        new("ParamsSpanCallee", Ok, "return SpanSumParams(x, x * x) + SpanSumParams();", x => 1 + 2 * x),
        new("ArrayEmpty", Ok, "double[] a = Array.Empty<double>();\nreturn x * (a.Length + 1);", _ => 1),
        new("ConditionalAccessLength", Ok, "double[]? a = x > 100 ? null : new[] { x };\nreturn x * (a?.Length ?? 0);", _ => 1),
        new("ConditionalAccessElement", "DUAL003", "double[]? a = new[] { x };\nreturn /*!*/a?[0] ?? 1;"),
        new("ConstantDeconstructIntoDuals", Ok, "var (a, b) = s_pair;\nreturn a * x + b * x * x;", x => 1 + 4 * x),
        new("MixedPrecisionArithmetic", Ok, "double acc = 0;\nfloat f = (float)x;\nacc += f;\nacc *= f;\nreturn f < x ? Math.Max(f, x) + acc : acc + (x > 1 ? f : x);", x => 2 * (float)x + 1),
        new("FloatTwinFromDouble", Ok, "float f = (float)x;\ndouble r = FloatSquare(f) + FloatSquare((float)(x * 2));\nreturn r;", x => 10 * x),
        new("LoopVariableOtherPrecision", "DUAL003", "float[] a = { (float)x, 1f };\ndouble s = 0;\nforeach (/*!*/double v in a) s += v;\nreturn s;"),
        new("TupleOtherPrecision", "DUAL003", "var t = (A: (float)x, B: x);\n(double, double) u = /*!*/t;\nreturn u.Item1 * u.Item2;"),
        new("ExceptionKeptNotThrown", "DUAL005", "var ex = new ArgumentOutOfRangeException(nameof(x), /*!*/x, null);\nreturn (double)ex.ActualValue!;"),
        new("ExceptionThrownIsFine", Ok, "if (x < 0) throw new ArgumentOutOfRangeException(nameof(x), x, \"negative\");\nreturn x > 1e9 ? throw new InvalidOperationException(x.ToString()) : x * x;", x => 2 * x),
        new("TextRoundTripThroughField", "DUAL005", "s_writer.Write(x);\nreturn /*!*/double.Parse(s_writer.ToString());"),
        new("FloatSpanFill", Ok, "float f = (float)x;\nSpan<float> s = stackalloc float[2];\ns.Fill(f);\nreturn s[0] * s[1];", x => 2 * (float)x),
        new("FloatDecimal", "DUAL005", "float f = (float)x;\nreturn (float)(/*!*/(decimal)f * 2m);"),
        new("FloatBits", "DUAL005", "float f = (float)x;\nreturn BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(/*!*/f));"),
        new("FloatRoundAndCast", Ok, "float f = (float)x;\nreturn MathF.Round(f) + (int)f + f * f;", x => 2 * (float)x),
        new("CopySortArrayParameter", Ok, "double[] xs = { x * x, 1, -x };\nvar c = new double[xs.Length];\nxs.CopyTo(c, 0);\nArray.Sort(c);\nreturn c[0] * c[^1];", x => x < 1 ? -1 : -3 * x * x),
        new("ReadOnlySpanCopyReverse", Ok, "ReadOnlySpan<double> xs = new[] { x, x * x };\nSpan<double> t = stackalloc double[xs.Length];\nxs.CopyTo(t);\nt.Reverse();\nreturn t[0];", x => 2 * x),
        new("RangeFill", Ok, "Span<double> s = stackalloc double[3];\ns[..2].Fill(x);\nreturn s[0] + s[1] * x + s[2];", x => 1 + 2 * x),
        new("TupleSwap", Ok, "var t = (x, 2.0);\nvar (a, b) = t;\n(a, b) = (b, a);\nreturn a * b + t.Item1 * x;", x => 2 + 2 * x),
        new("RefLocalToLocal", Ok, "double y = 0;\nref double r = ref y;\nr = x * x;\nreturn y;", x => 2 * x),
        new("PooledArrayOnce", "DUAL013", "double[] buf = /*!*/System.Buffers.ArrayPool<double>.Shared.Rent(4);\nbuf[0] = x;\ndouble v = buf[0];\nSystem.Buffers.ArrayPool<double>.Shared.Return(buf);\nreturn v;"),
        new("SwitchArmDesignation", "DUAL003", "return x switch { > 100 => 0, /*!*/var v => v * v };"),
        // Only 'var' patterns (with 'when' clauses): the arms see the dual value, the guards compare primal values.
        new("SwitchVarPatternsWithGuards", Ok, "return Math.Abs(x) switch\n{\n    var a when a <= 1.5 => 0.5 * a * a,\n    var a => 1.5 * (a - 0.75),\n};", x => Math.Abs(x) <= 1.5 ? x : 1.5 * Math.Sign(x)),
        new("SwitchStatementVarCase", Ok, "switch (x * x)\n{\n    case var s when s > 4:\n        return Math.Sqrt(s);\n    case var s:\n        return s * x;\n}", x => x * x > 4 ? Math.Sign(x) : 3 * x * x),
        new("IsVarPattern", Ok, "return Math.Sin(x) is var s && s > -2 ? s * s : 0;", x => 2 * Math.Sin(x) * Math.Cos(x)),
        new("TryParseRoundTrip", "DUAL001", "/*!*/double.TryParse(x.ToString(), out double v);\nreturn v;"),

        // ---- try/catch/finally, using, lock around numeric code: the same control flow on dual values ----------------
        new("TryCatchFinally", Ok, "double r = 0;\ntry\n{\n    r = Math.Log(x);\n    if (x > 1e6) throw new InvalidOperationException(\"big\");\n}\ncatch (InvalidOperationException)\n{\n    r = -1;\n}\nfinally\n{\n    r += x * x;\n}\nreturn r;", x => 1 / x + 2 * x),
        new("CatchTakesOverTheResult", Ok, "double r;\ntry\n{\n    if (x > 0) throw new ArgumentException(\"positive\");\n    r = x;\n}\ncatch (ArgumentException e) when (e.Message.Length > 0)\n{\n    r = Math.Sin(x) * 3;\n}\nreturn r;", x => 3 * Math.Cos(x)),
        new("ReturnInsideTryFinally", Ok, "double acc = x;\ntry\n{\n    return acc * Math.Exp(x);\n}\nfinally\n{\n    acc = 0;\n}", x => Math.Exp(x) * (1 + x)),
        new("UsingStatement", Ok, "double r;\nusing (var ms = new System.IO.MemoryStream())\n{\n    r = x * x + ms.Length;\n}\nreturn r;", x => 2 * x),
        new("UsingDeclaration", Ok, "using var sw = new System.IO.StringWriter();\nsw.Write(\"n\");\nreturn Math.Sqrt(x) * sw.ToString().Length;", x => 0.5 / Math.Sqrt(x)),
        new("LockStatement", Ok, "object gate = new object();\ndouble r;\nlock (gate)\n{\n    r = Math.Sin(x) * x;\n}\nreturn r;", x => Math.Cos(x) * x + Math.Sin(x)),
        new("JaggedArray", Ok, "var m = new double[2][];\nm[0] = new[] { x, 1.0 };\nm[1] = new[] { 2.0, x * x };\nreturn m[0][0] * m[1][1] + m[1][0];", x => 3 * x * x),
        new("ReadOnlyListOfDouble", Ok, "IReadOnlyList<double> l = new[] { x, 1.0 };\nreturn l[0] * l[0] + l.Count;", x => 2 * x),
        new("EnumerableForEach", Ok, "IEnumerable<double> e = new List<double> { x, Math.Sin(x) };\ndouble s = 0;\nforeach (var v in e) s += v;\nreturn s;", x => 1 + Math.Cos(x)),
        new("FuncParameterCall", Ok, "return Helpers.Integrate(v => Math.Sin(v) * x, 0, x);", x => x * Math.Sin(x) + x * x * Math.Cos(x) / 2),
        new("LinqSumOverConstantArray", Ok, "return s_coef.Sum(c => c * x) + s_coef.Zip(new[] { x, x, x }, (c, v) => c * v).Max();", x => 6 + (x > 0 ? 3 : 1)),
        new("LinqMaxTieAndWhere", Ok, "return new[] { x, x, 1.0 }.Max() + new[] { x, -x, 3.0 }.Where(v => v > 0).Sum(v => v * v);", x => (x > 1 ? 1 : 0) + 2 * x),
        new("LinqAggregateConstantSeed", Ok, "return new[] { x, 2.0 }.Aggregate(0.0, (a, v) => a + v * v);", x => 2 * x),
        new("LinqMinByOnDual", "DUAL001", "return /*!*/new[] { x, 2.0 }.MinBy(v => -v);"),
        new("LinqDistinctOnDual", "DUAL001", "return /*!*/new[] { x, 2 * x }.Distinct().Sum();"),
        new("TryStoresIntoFieldInCatch", "DUAL004", "try\n{\n    return Math.Log(x);\n}\ncatch (Exception)\n{\n    /*!*/s_last = x;\n    throw;\n}"),
    };

    /// <summary>The probe methods as one partial class (File0); each method's first line is recorded for locations.</summary>
    public static string Source(out Dictionary<string, int> firstLines)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Numerics;\nusing Dual;\n\nnamespace Probes;\n\n");
        sb.Append("public static partial class P\n{\n");
        sb.Append("    static double s_last;\n    static double Last { get; set; }\n    static readonly double[] s_buf = new double[4];\n");
        sb.Append("    static readonly double[] s_coef = { 1, 2, 3 };\n    static readonly Func<double, double> s_fn = Math.Sin;\n    static int s_count;\n");
        sb.Append("    [Differentiable] static double InCallee(in double v) => 3 * v;\n");
        sb.Append("    [Differentiable] static double InCallee2(double a, in double v) => a * v;\n");
        sb.Append("    [Differentiable] static double SpanSumParams(params ReadOnlySpan<double> v) { double s = 0; foreach (double e in v) s += e; return s; }\n");
        sb.Append("    [Differentiable] static float FloatSquare(float v) => v * v;\n");
        sb.Append("    static readonly System.IO.StringWriter s_writer = new();\n");
        sb.Append("    static readonly Vec2 s_pair = new Vec2 { X = 1, Y = 2 };\n");
        sb.Append("    [Differentiable] static double SpanSum(ReadOnlySpan<double> v) { double s = 0; foreach (double e in v) s += e; return s; }\n\n");
        firstLines = new Dictionary<string, int>();
        foreach (Probe p in All)
        {
            int line = sb.ToString().Count(c => c == '\n');
            firstLines[p.Name] = line;
            sb.Append("    [Differentiable]\n    public static double ").Append(p.Name).Append("(double x)\n    {\n");
            foreach (string l in p.Body.Split('\n')) sb.Append("        ").Append(l).Append('\n');
            sb.Append("    }\n\n");
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    public static IEnumerable<Probe> Accepted => All.Where(p => p.Id == Ok);

    public static IEnumerable<Probe> Diagnosed => All.Where(p => p.Id != Ok);
}
