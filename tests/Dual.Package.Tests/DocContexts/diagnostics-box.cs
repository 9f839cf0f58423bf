// Context of docs/diagnostics.md's DUAL005 block: a non-floating type that stores a double out of the twin's sight.
public sealed class Box
{
    private double _v;
    public void Set(double v) => _v = v;
    public double Get() => _v;
}
