// Context of docs/diagnostics.md's DUAL001 fix: the Helper the rule is for (declared in the block before it), and
// MathNet.Numerics, whose SpecialFunctions.Erf the second rule covers.
global using MathNet.Numerics;

public abstract partial class Snippet
{
    static double Helper(double v) => v * 2;
}
