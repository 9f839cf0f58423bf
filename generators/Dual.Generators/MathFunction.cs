namespace Dual.Generators
{
    /// <summary>What a <c>[Differentiable(Gpu = true)]</c> kernel may do with a Math function.</summary>
    internal enum KernelUse
    {
        /// <summary>Not known to the kernel form: DUAL011 names the kernel-safe set instead.</summary>
        None,

        /// <summary>Called as <c>TNum.Name</c>.</summary>
        Safe,

        /// <summary>A known ILGPU failure: DUAL011 prints <see cref="MathFunction.KernelRejection"/>.</summary>
        Rejected,
    }

    /// <summary>A Math/MathF/double/float function name as the generator knows it: a row of <see cref="MathFunctions.All"/>,
    /// which tools/RulesTableGen generates from tools/Rules/functions.json.</summary>
    internal readonly struct MathFunction
    {
        /// <summary>A function that a kernel may call (<see cref="KernelUse.Safe"/>) or that it does not know.</summary>
        public MathFunction(string name, string? dual, KernelUse kernel)
        {
            Name = name;
            Dual = dual;
            Kernel = kernel;
            KernelRejection = null;
        }

        /// <summary>A known ILGPU failure, with the reason DUAL011 prints.</summary>
        public MathFunction(string name, string? dual, string kernelRejection)
        {
            Name = name;
            Dual = dual;
            Kernel = KernelUse.Rejected;
            KernelRejection = kernelRejection;
        }

        /// <summary>The name as called (<c>Math.Sqrt</c>, <c>double.Exp10</c>, an alias such as <c>IEEERemainder</c>).</summary>
        public string Name { get; }

        /// <summary>The Dual&lt;T&gt; function the rewriter maps the call to, or null where there is none.</summary>
        public string? Dual { get; }

        /// <summary>What a kernel may do with it.</summary>
        public KernelUse Kernel { get; }

        /// <summary>For <see cref="KernelUse.Rejected"/>, the reason DUAL011 prints; else null.</summary>
        public string? KernelRejection { get; }
    }
}
