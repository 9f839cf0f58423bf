namespace Dual.Generators
{
    /// <summary>How the twin calls what the original method calls.</summary>
    internal enum CallKind
    {
        /// <summary>No dual value flows in: the call stays as written (it runs on constants).</summary>
        Unchanged,

        /// <summary>A local function of the method: it is rewritten too.</summary>
        LocalFunction,

        /// <summary>A [Differentiable] method: overload resolution picks its dual twin.</summary>
        Twin,

        /// <summary>A Math/MathF/double/float function that Dual&lt;T&gt; implements.</summary>
        MathTable,

        /// <summary>A generic-math method: called with Dual&lt;T&gt; type arguments.</summary>
        GenericMath,

        /// <summary>An opaque function with a [DerivativeOf] rule: replaced by a local rule function.</summary>
        Rule,

        /// <summary>An array/span element operation (<see cref="ContainerOps"/>) acting on dual elements.</summary>
        Container,

        /// <summary>An allow-listed primal-only destination (<see cref="PrimalOnlySinks"/>): receives primal values.</summary>
        PrimalSink,

        /// <summary>Reported as a diagnostic: the twin is not emitted.</summary>
        Error,
    }

    /// <summary>The decision for one call (or object creation) of the method body, made by <see cref="DualFlow"/>.</summary>
    internal sealed class CallPlan
    {
        public CallPlan(CallKind kind) => Kind = kind;

        public CallKind Kind { get; }

        /// <summary>Whether the call's result carries a derivative in the twin.</summary>
        public bool ResultIsDual { get; set; }

        /// <summary>The Dual&lt;T&gt; function name (<see cref="CallKind.MathTable"/>).</summary>
        public string? DualName { get; set; }

        /// <summary>The Dual&lt;T&gt; type whose static function is called (<see cref="CallKind.MathTable"/>).</summary>
        public string? DualType { get; set; }

        /// <summary>The local rule function (<see cref="CallKind.Rule"/>).</summary>
        public RuleUse? Rule { get; set; }

        /// <summary>Whether explicit type arguments of the call are mapped to dual types.</summary>
        public bool MapTypeArguments { get; set; }

        /// <summary>Named arguments appended for parameters left to their default value (<c>y: 2D</c>).</summary>
        public List<string> AppendedArguments { get; } = new();

        /// <summary>
        /// When not <see langword="null"/>: the arguments in parameter order, each the index of a written argument or
        /// the text of a default value; the call is rebuilt positionally (callees whose parameter names differ).
        /// </summary>
        public List<(int Index, string? Text)>? Positional { get; set; }

        /// <summary>
        /// The written arguments that are elements of an expanded floating <c>params</c> list: the twin takes a plain
        /// array, so they are passed as one named array argument (<c>rest: new Dual&lt;double&gt;[] { a, b }</c>).
        /// </summary>
        public List<int> ParamsElements { get; } = new();

        /// <summary>The dual element type of that <c>params</c> array (<see langword="null"/>: no expanded floating params).</summary>
        public string? ParamsElementType { get; set; }

        /// <summary>The name of the <c>params</c> parameter.</summary>
        public string? ParamsName { get; set; }

        /// <summary>
        /// The callee the twin calls instead of the written one (<c>global::Ns.MathUtilDual.Sigmoid</c>): a helper twin
        /// declared outside the helper's type, or a static twin called through a qualified name.
        /// </summary>
        public string? Callee { get; set; }

        /// <summary>The receiver (<c>x</c> of <c>x.Squared()</c>, or the implicit <c>this</c>) is passed as the first argument of <see cref="Callee"/>.</summary>
        public bool ReceiverFirst { get; set; }

        /// <summary>
        /// Constant floating sequences passed to a LINQ operator with dual values (<see cref="LinqOperators"/>): the written
        /// argument's index (-1: the receiver of an extension call), the element type and its dual type. The twin passes
        /// them as sequences of dual constants.
        /// </summary>
        public List<(int Index, string Element, string DualElement)> Promoted { get; } = new();

        /// <summary>The dual type created instead of the written one (<c>new Vec3(…)</c> → <c>new Vec3Dual(…)</c>).</summary>
        public string? CreatedType { get; set; }
    }
}
