namespace Dual;

/// <summary>What a <see cref="SparsityTracer{T, TOrder}"/> tracks: first-order dependencies only (Jacobian
/// patterns) or also second-order interactions (Hessian patterns). A JIT-time constant, so a Jacobian trace pays
/// nothing for pairs.</summary>
internal interface ITracingOrder
{
    static abstract bool TracksPairs { get; }
}

/// <summary>Dependencies only: the Jacobian pattern.</summary>
internal readonly struct FirstOrder : ITracingOrder
{
    public static bool TracksPairs => false;
}

/// <summary>Dependencies and interacting pairs: the Hessian pattern.</summary>
internal readonly struct SecondOrder : ITracingOrder
{
    public static bool TracksPairs => true;
}
