using Dual.Gpu;
using NUnit.Framework;

namespace Dual.Tests;

/// <summary>The kernel tangent blocks (expanded at build time from one template, tools/Dual.BuildGenerators) keep the
/// contract every tangent block keeps: each lane is, bit for bit, <see cref="Dual{T}"/>'s single tangent
/// (<see cref="TangentBlockContractTests{T, TBlock}"/>, linked from Dual.Tests' TangentBlockContract.cs).</summary>
[TestFixture(typeof(double), typeof(KernelTangents1<double>))]
[TestFixture(typeof(double), typeof(KernelTangents8<double>))]
[TestFixture(typeof(double), typeof(KernelTangents16<double>))]
[TestFixture(typeof(float), typeof(KernelTangents1<float>))]
[TestFixture(typeof(float), typeof(KernelTangents8<float>))]
[TestFixture(typeof(float), typeof(KernelTangents16<float>))]
public partial class TangentBlockContractTests<T, TBlock>
{
}
