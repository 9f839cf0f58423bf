namespace Dual;

/// <summary>The vertex order a greedy colouring visits (Gebremedhin, Manne and Pothen 2005, §3.3).</summary>
public enum ColoringOrder
{
    /// <summary>Try <see cref="Natural"/>, <see cref="LargestFirst"/>, <see cref="SmallestLast"/> and
    /// <see cref="IncidenceDegree"/> and keep the colouring with the fewest colours (the first of them on a tie).
    /// Costs four colourings; the prepared objects pay it once.</summary>
    Best,

    /// <summary>Index order 0, 1, …, n − 1.</summary>
    Natural,

    /// <summary>Decreasing degree (Welsh–Powell), ties by index.</summary>
    LargestFirst,

    /// <summary>Smallest-last (Matula–Beck): repeatedly remove a vertex of least remaining degree, colour in reverse removal order.</summary>
    SmallestLast,

    /// <summary>Incidence degree (Coleman–Moré): repeatedly take a vertex with the most already-ordered neighbours.</summary>
    IncidenceDegree,
}
