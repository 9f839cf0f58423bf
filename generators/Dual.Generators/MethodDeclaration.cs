namespace Dual.Generators
{
    /// <summary>How a parameter is shaped, for the entry points.</summary>
    internal enum ParameterShape
    {
        /// <summary>A floating scalar.</summary>
        Scalar,

        /// <summary>A one-dimensional array of a floating type.</summary>
        Array,

        /// <summary><c>ReadOnlySpan&lt;P&gt;</c> of a floating P.</summary>
        ReadOnlySpan,

        /// <summary><c>Span&lt;P&gt;</c> of a floating P.</summary>
        Span,

        /// <summary>A mapped collection of a floating P (<c>IReadOnlyList&lt;P&gt;</c>, <c>List&lt;P&gt;</c>, …: <see cref="CollectionTwins"/>).</summary>
        Collection,

        /// <summary>Anything else (not floating, or a floating type in another container).</summary>
        Other,
    }

    /// <summary>One parameter of a [Differentiable] method, as the emitters need it (strings and flags only).</summary>
    internal sealed class ParameterInfo(string name, string modifiers, string type, string? twinType, string twinDefault, string entryDefault, RefKind refKind, bool isParams, bool isConstant, ParameterShape shape, string? precision, string? spanElement, bool isRefLike)
    {
        /// <summary>The name as written (with '@' for keywords).</summary>
        public string Name { get; } = name;

        /// <summary>The name without '@'.</summary>
        public string Bare => Name.TrimStart('@');

        public string Modifiers { get; } = modifiers;

        /// <summary>The parameter's type, fully qualified.</summary>
        public string Type { get; } = type;

        /// <summary>The twin's type, or <see langword="null"/> when the twin keeps <see cref="Type"/> (data).</summary>
        public string? TwinType { get; } = twinType;

        /// <summary>The default value the twin keeps (" = …" text), or "".</summary>
        public string TwinDefault { get; } = twinDefault;

        /// <summary>The method's own default value (" = …" text), or "": the entry points keep it.</summary>
        public string EntryDefault { get; } = entryDefault;

        public RefKind RefKind { get; } = refKind;

        public bool IsParams { get; } = isParams;

        /// <summary>Marked [Constant].</summary>
        public bool IsConstant { get; } = isConstant;

        public ParameterShape Shape { get; } = shape;

        /// <summary>"double" or "float" for a floating scalar, array or span; else <see langword="null"/>.</summary>
        public string? Precision { get; } = precision;

        /// <summary>The element type of a span or read-only span parameter (any element type), else <see langword="null"/>.</summary>
        public string? SpanElement { get; } = spanElement;

        /// <summary>A ref struct (a span): a twin struct cannot hold it as a field.</summary>
        public bool IsRefLike { get; } = isRefLike;

        /// <summary>Differentiated: the twin makes it dual.</summary>
        public bool IsInput => TwinType is not null;

        /// <summary>Optional (a default) or <c>params</c>: entry points put their own parameters before it.</summary>
        public bool IsOptional => EntryDefault.Length > 0 || IsParams;

        /// <summary>The declaration in the twin.</summary>
        public string TwinDeclaration()
        {
            // The twin drops 'params' on a dual parameter: 'F()' would otherwise be ambiguous between F(params double[]) and its twin.
            IEnumerable<string> mods = Modifiers.Split(' ').Where(m => m.Length > 0);
            if (TwinType is not null) mods = mods.Where(m => m != "params");
            string modText = string.Join(" ", mods);
            return (modText.Length > 0 ? modText + " " : "") + (TwinType ?? Type) + " " + Name + TwinDefault;
        }

        /// <summary>The declaration in an entry point: as the method declares it (defaults and params kept), without 'this'.</summary>
        public string EntryDeclaration()
        {
            string modText = string.Join(" ", Modifiers.Split(' ').Where(m => m.Length > 0 && m != "this"));
            return (modText.Length > 0 ? modText + " " : "") + Type + " " + Name + EntryDefault;
        }
    }

    /// <summary>
    /// The parsing stage: everything the emitters need from a [Differentiable] method's declaration, read once from the
    /// syntax and the symbol into strings and flags (the analysis and emission stages see no symbols of the declaration).
    /// </summary>
    internal sealed class MethodDeclaration
    {
        private MethodDeclaration() { }

        public string HintName { get; private set; } = "";
        public string? Namespace { get; private set; }
        public EquatableArray<string> Usings { get; private set; }
        public EquatableArray<string> NamespaceUsings { get; private set; }
        public List<string> TypeHeaders { get; private set; } = new();

        /// <summary>The method's name.</summary>
        public string Name { get; private set; } = "";

        /// <summary>Accessibility, static, readonly: "public static " (with a trailing space when not empty).</summary>
        public string ModText { get; private set; } = "";

        /// <summary>The accessibility keywords alone ("public ", "private protected ", or "").</summary>
        public string Access { get; private set; } = "";

        public bool IsStatic { get; private set; }

        /// <summary>
        /// The number of type parameters of a generic-math method (0 otherwise): it is its own twin, and the entry
        /// points call it with the dual type for each (<see cref="GenericMathMethods"/>).
        /// </summary>
        public int GenericArity { get; private set; }

        /// <summary>The twin's return type ("void" for none).</summary>
        public string TwinReturn { get; private set; } = "void";

        /// <summary>"double"/"float" when the method returns a floating scalar; else <see langword="null"/>.</summary>
        public string? ReturnPrecision { get; private set; }

        public bool ReturnsVoid { get; private set; }

        public List<ParameterInfo> Parameters { get; private set; } = new();

        /// <summary>The floating precisions of the signature.</summary>
        public HashSet<SpecialType> Precisions { get; private set; } = new();

        public bool MultiTangentOption { get; private set; } = true;
        public bool EntryPointsOption { get; private set; } = true;
        public bool GpuOption { get; private set; }

        /// <summary>The containing type as code inside it refers to itself ("Model", "Box&lt;T&gt;").</summary>
        public string OwnerType { get; private set; } = "";

        public bool OwnerIsInterface { get; private set; }

        /// <summary>A ref struct: a twin struct cannot hold an instance of it.</summary>
        public bool OwnerIsRefLike { get; private set; }

        /// <summary>The names the containing type already declares (entry points must not clash).</summary>
        public HashSet<string> OwnerMembers { get; private set; } = new();

        /// <summary>0 for the first method of this name in its type, 1, 2, … for later overloads.</summary>
        public int OverloadIndex { get; private set; }

        /// <summary>The method is public and so is every enclosing type (ILGPU's launcher assembly can reach it).</summary>
        public bool PublicAllTheWayOut { get; private set; }

        /// <summary>The twin's parameter list.</summary>
        public string TwinParameters => string.Join(", ", Parameters.Select(p => p.TwinDeclaration()));

        /// <summary>The single floating precision of the signature ("double"/"float"), or <see langword="null"/> when mixed.</summary>
        public string? SinglePrecision => Precisions.Count == 1 ? (Precisions.First() == SpecialType.System_Single ? "float" : "double") : null;

        public static MethodDeclaration Parse(MethodDeclarationSyntax node, IMethodSymbol method, CancellationToken ct)
        {
            var d = new MethodDeclaration();
            d.HintName = HintNameOf(method);
            d.Namespace = method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;
            var cu = (CompilationUnitSyntax)node.SyntaxTree.GetRoot(ct);
            d.Usings = cu.Externs.Select(e => e.ToString().Trim())
                .Concat(cu.Usings.Where(u => !u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)).Select(u => u.ToString().Trim()))
                .ToEquatableArray();
            d.NamespaceUsings = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().SelectMany(n => n.Usings).Select(u => u.ToString().Trim()).ToEquatableArray();
            d.TypeHeaders = node.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().Select(Header).ToList();
            d.Name = node.Identifier.Text;
            var mods = node.Modifiers.Where(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)
                || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.StaticKeyword) || m.IsKind(SyntaxKind.ReadOnlyKeyword)).Select(m => m.Text).ToList();
            d.ModText = mods.Count > 0 ? string.Join(" ", mods) + " " : "";
            var access = mods.Where(m => m is "public" or "private" or "protected" or "internal").ToList();
            d.Access = access.Count > 0 ? string.Join(" ", access) + " " : "";
            d.IsStatic = method.IsStatic;
            d.GenericArity = method.Arity;
            d.ReturnsVoid = method.ReturnsVoid;
            if (!method.ReturnsVoid)
            {
                TypeMap.CollectPrecisions(method.ReturnType, d.Precisions);
                d.TwinReturn = TypeMap.Map(method.ReturnType, out _) ?? method.ReturnType.ToDisplayString(TypeMap.Fq);
                if (TypeMap.IsFloating(method.ReturnType)) d.ReturnPrecision = TypeMap.Keyword(method.ReturnType);
            }
            for (int i = 0; i < method.Parameters.Length; i++)
            {
                d.Parameters.Add(ParseParameter(method.Parameters[i], node.ParameterList.Parameters[i], d.Precisions));
            }
            d.MultiTangentOption = Option(method, "MultiTangent", true);
            d.EntryPointsOption = Option(method, "EntryPoints", true);
            d.GpuOption = Option(method, "Gpu", false);
            INamedTypeSymbol owner = method.ContainingType;
            d.OwnerType = owner.Name + (owner.TypeParameters.Length > 0 ? "<" + string.Join(", ", owner.TypeParameters.Select(t => t.Name)) + ">" : "");
            d.OwnerIsInterface = owner.TypeKind == TypeKind.Interface;
            d.OwnerIsRefLike = owner.IsRefLikeType;
            d.OwnerMembers = new HashSet<string>(owner.MemberNames);
            d.OverloadIndex = System.Math.Max(0, owner.GetMembers(method.Name).IndexOf(method.OriginalDefinition));
            d.PublicAllTheWayOut = method.DeclaredAccessibility == Accessibility.Public;
            for (INamedTypeSymbol? t = owner; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility != Accessibility.Public) d.PublicAllTheWayOut = false;
            }
            return d;
        }

        private static ParameterInfo ParseParameter(IParameterSymbol p, ParameterSyntax ps, HashSet<SpecialType> precisions)
        {
            TypeMap.CollectPrecisions(p.Type, precisions);
            string? twinType = ParameterRoles.TwinType(p, out _);
            string modifiers = string.Join(" ", ps.Modifiers.Select(m => m.Text));
            // A dual parameter cannot have a constant default: generated callers pass it explicitly. Other defaults stay.
            string twinDefault = ps.Default is not null && TwinSignature.KeepsDefault(p) ? " " + ps.Default.ToString().Trim() : "";
            string entryDefault = p.HasExplicitDefaultValue ? " = " + TwinSignature.Literal(p.ExplicitDefaultValue, p.Type) : "";
            ParameterShape shape = ParameterShape.Other;
            string? precision = null, spanElement = null;
            if (TypeMap.IsFloating(p.Type))
            {
                shape = ParameterShape.Scalar;
                precision = TypeMap.Keyword(p.Type);
            }
            else if (p.Type is IArrayTypeSymbol { Rank: 1 } a && TypeMap.IsFloating(a.ElementType))
            {
                shape = ParameterShape.Array;
                precision = TypeMap.Keyword(a.ElementType);
            }
            else if (CollectionTwins.ElementOf(p.Type) is { } element && TypeMap.IsFloating(element))
            {
                shape = ParameterShape.Collection;
                precision = TypeMap.Keyword(element);
            }
            else if (p.Type is INamedTypeSymbol n && n.TypeArguments.Length == 1 && TypeMap.IsSpan(n))
            {
                spanElement = n.TypeArguments[0].ToDisplayString(TypeMap.Fq);
                if (TypeMap.IsFloating(n.TypeArguments[0]))
                {
                    shape = n.Name == "Span" ? ParameterShape.Span : ParameterShape.ReadOnlySpan;
                    precision = TypeMap.Keyword(n.TypeArguments[0]);
                }
            }
            return new ParameterInfo(ps.Identifier.Text, modifiers, p.Type.ToDisplayString(TypeMap.Fq), twinType, twinDefault, entryDefault, p.RefKind,
                p.IsParams, ParameterRoles.IsConstant(p), shape, precision, spanElement, p.Type.IsRefLikeType);
        }

        /// <summary>A boolean named argument of [Differentiable].</summary>
        private static bool Option(IMethodSymbol method, string name, bool fallback)
        {
            foreach (AttributeData a in method.GetAttributes())
            {
                if (a.AttributeClass?.ToDisplayString() != KnownNames.DifferentiableAttribute) continue;
                foreach (KeyValuePair<string, TypedConstant> arg in a.NamedArguments)
                {
                    if (arg.Key == name && arg.Value.Value is bool b) return b;
                }
            }
            return fallback;
        }

        /// <summary>Whether the [Differentiable] attribute of <paramref name="method"/> sets <paramref name="name"/> (default <paramref name="fallback"/>).</summary>
        public static bool OptionOf(IMethodSymbol method, string name, bool fallback) => Option(method, name, fallback);

        public static string HintNameOf(IMethodSymbol method)
        {
            string type = method.ContainingType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "") ?? "global";
            int index = method.ContainingType is null ? 0 : method.ContainingType.GetMembers(method.Name).IndexOf(method.OriginalDefinition);
            var sb = new StringBuilder();
            foreach (char c in type + "." + method.Name + (index > 0 ? "_" + index : ""))
            {
                sb.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
            }
            return sb + ".g.cs";
        }

        private static string Header(TypeDeclarationSyntax t)
        {
            string kind = t switch
            {
                RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                _ => t.Keyword.Text,
            };
            string refMod = t.Modifiers.Any(SyntaxKind.RefKeyword) ? "ref " : "";
            return refMod + "partial " + kind + " " + t.Identifier.Text + (t.TypeParameterList?.ToString() ?? "");
        }
    }
}
