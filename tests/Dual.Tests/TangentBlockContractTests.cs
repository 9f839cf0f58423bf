using System;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>The CPU tangent blocks that keep the contract of <see cref="TangentBlockContractTests{T, TBlock}"/> (TangentBlockContract.cs).</summary>
[TestFixture(typeof(double), typeof(Tangents1<double>))]
[TestFixture(typeof(double), typeof(Tangents2<double>))]
[TestFixture(typeof(double), typeof(Tangents4<double>))]
[TestFixture(typeof(double), typeof(Tangents8<double>))]
[TestFixture(typeof(double), typeof(Tangents16<double>))]
[TestFixture(typeof(double), typeof(Tangents32<double>))]
[TestFixture(typeof(float), typeof(Tangents1<float>))]
[TestFixture(typeof(float), typeof(Tangents2<float>))]
[TestFixture(typeof(float), typeof(Tangents4<float>))]
[TestFixture(typeof(float), typeof(Tangents8<float>))]
[TestFixture(typeof(float), typeof(Tangents16<float>))]
[TestFixture(typeof(float), typeof(Tangents32<float>))]
[TestFixture(typeof(Half), typeof(Tangents1<Half>))]
[TestFixture(typeof(Half), typeof(Tangents2<Half>))]
[TestFixture(typeof(Half), typeof(Tangents4<Half>))]
[TestFixture(typeof(Half), typeof(Tangents8<Half>))]
[TestFixture(typeof(Half), typeof(Tangents16<Half>))]
[TestFixture(typeof(Half), typeof(Tangents32<Half>))]
[TestFixture(typeof(double), typeof(WideTangents<double, Width2<double>>))]
[TestFixture(typeof(double), typeof(WideTangents<double, Width16<double>>))]
[TestFixture(typeof(double), typeof(WideTangents<double, Width32<double>>))]
[TestFixture(typeof(Half), typeof(WideTangents<Half, Width4<Half>>))]
[TestFixture(typeof(Dual<double>), typeof(Tangents1<Dual<double>>))]
[TestFixture(typeof(Dual<double>), typeof(WideTangents<Dual<double>, Width2<Dual<double>>>))]
[TestFixture(typeof(Dual<double>), typeof(WideTangents<Dual<double>, Width4<Dual<double>>>))]
[TestFixture(typeof(Dual<double>), typeof(WideTangents<Dual<double>, Width8<Dual<double>>>))]
[TestFixture(typeof(Dual<double>), typeof(WideTangents<Dual<double>, Width16<Dual<double>>>))]
[TestFixture(typeof(Dual<double>), typeof(WideTangents<Dual<double>, Width32<Dual<double>>>))]
public partial class TangentBlockContractTests<T, TBlock>
{
}
