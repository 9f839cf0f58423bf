// Realistic corpus: geometry with a hand-rolled double vector type, System.Numerics (float) vectors and
// quaternions, tuples as points, and geodesy; [Differentiable] where shape or pose sensitivities are wanted.
using System;
using System.Collections.Generic;
using System.Numerics;
using Dual;

namespace Contoso.Geometry;

public readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator *(double s, Vec3 v) => new(s * v.X, s * v.Y, s * v.Z);

    public double Dot(Vec3 o) => X * o.X + Y * o.Y + Z * o.Z;

    public Vec3 Cross(Vec3 o) => new(Y * o.Z - Z * o.Y, Z * o.X - X * o.Z, X * o.Y - Y * o.X);

    public double Length => Math.Sqrt(Dot(this));
}

public static partial class Mesh
{
    [Differentiable]
    public static double TriangleArea(Vec3 a, Vec3 b, Vec3 c) => 0.5 * (b - a).Cross(c - a).Length;

    /// <summary>Signed volume of the tetrahedron (origin, a, b, c).</summary>
    [Differentiable]
    public static double SignedVolume(Vec3 a, Vec3 b, Vec3 c) => a.Dot(b.Cross(c)) / 6.0;
}

public static partial class Kinematics
{
    [Differentiable]
    public static float AngleBetween(Vector3 a, Vector3 b)
    {
        float cos = Vector3.Dot(Vector3.Normalize(a), Vector3.Normalize(b));
        return MathF.Acos(Math.Clamp(cos, -1f, 1f));
    }

    [Differentiable]
    public static Vector3 RotateAboutAxis(Vector3 v, Vector3 axis, float angle) =>
        Vector3.Transform(v, Quaternion.CreateFromAxisAngle(Vector3.Normalize(axis), angle));

    [Differentiable]
    public static float DistanceToSegment(Vector3 p, Vector3 a, Vector3 b)
    {
        Vector3 ab = b - a;
        float t = Math.Clamp(Vector3.Dot(p - a, ab) / ab.LengthSquared(), 0f, 1f);
        return Vector3.Distance(p, a + t * ab);
    }

    /// <summary>Distance along a unit-length ray to the first hit on a sphere, or +∞ on a miss.</summary>
    [Differentiable]
    public static float RaySphereDistance(Vector3 origin, Vector3 direction, Vector3 center, float radius)
    {
        Vector3 oc = origin - center;
        float b = Vector3.Dot(oc, direction);
        float c = oc.LengthSquared() - radius * radius;
        float disc = b * b - c;
        if (disc < 0)
        {
            return float.PositiveInfinity;
        }

        return -b - MathF.Sqrt(disc);
    }
}

public static partial class Curves2D
{
    [Differentiable]
    public static Vector2 CubicBezier(Vector2 p0, Vector2 p1, Vector2 p2, Vector2 p3, float t)
    {
        Vector2 a = Vector2.Lerp(p0, p1, t), b = Vector2.Lerp(p1, p2, t), c = Vector2.Lerp(p2, p3, t);
        Vector2 d = Vector2.Lerp(a, b, t), e = Vector2.Lerp(b, c, t);
        return Vector2.Lerp(d, e, t);
    }
}

public static partial class Polygons
{
    /// <summary>Shoelace formula.</summary>
    [Differentiable]
    public static double Area(IReadOnlyList<(double X, double Y)> vertices)
    {
        double sum = 0;
        for (int i = 0; i < vertices.Count; i++)
        {
            var (x1, y1) = vertices[i];
            var (x2, y2) = vertices[(i + 1) % vertices.Count];
            sum += x1 * y2 - x2 * y1;
        }

        return Math.Abs(sum) / 2;
    }

    [Differentiable]
    public static (double X, double Y) Rotate((double X, double Y) point, double angleRadians)
    {
        var (s, c) = Math.SinCos(angleRadians);
        return (c * point.X - s * point.Y, s * point.X + c * point.Y);
    }
}

public static partial class GeoDistance
{
    private const double EarthRadiusKm = 6371.0088;

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;

    [Differentiable]
    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        double dLat = ToRadians(lat2 - lat1);
        double dLon = ToRadians(lon2 - lon1);
        double a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(a));
    }
}
