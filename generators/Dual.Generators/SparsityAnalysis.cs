using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dual.Generators
{
    /// <summary>Placeholder until the analysis lands.</summary>
    internal static class SparsityAnalysis
    {
        public static SparsityEmission? Run(MethodDeclaration d, EntryPlan plan, MethodDeclarationSyntax node, IMethodSymbol method, SemanticModel model, List<DiagnosticInfo> diags, CancellationToken ct) => null;
    }

    /// <summary>The compile-time pattern, ready to write as the body of <c>FJacobianSparsity</c>.</summary>
    internal sealed class SparsityEmission
    {
        public void WriteBody(CodeWriter w, string inputLength, string outputLength)
        {
        }
    }
}
