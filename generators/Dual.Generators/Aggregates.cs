using System.Runtime.CompilerServices;

namespace Dual.Generators
{
    /// <summary>One piece of instance state that the dual type mirrors: a field or an auto-property.</summary>
    internal sealed class AggregateMember
    {
        public AggregateMember(ISymbol symbol, ITypeSymbol type, string? initializer)
        {
            Symbol = symbol;
            Type = type;
            Initializer = initializer;
        }

        /// <summary>The field, or the auto-property whose backing field it stands for.</summary>
        public ISymbol Symbol { get; }

        public ITypeSymbol Type { get; }

        public string Name => Symbol.Name;

        /// <summary>The initializer expression as written (<see langword="null"/>: none).</summary>
        public string? Initializer { get; }
    }

    /// <summary>
    /// A user struct, record or immutable class with floating state (a <c>Vec3</c>, a <c>Particle</c>, a <c>Bond</c>):
    /// the twin world uses a generated dual type <c>Vec3Dual</c> with the same members, in which every floating
    /// field is dual, and into which the twins of its methods, properties, constructors and operators go.
    /// </summary>
    internal sealed class AggregateInfo
    {
        public AggregateInfo(INamedTypeSymbol type) => Type = type;

        public INamedTypeSymbol Type { get; }

        /// <summary>Why the type is not differentiated (<see langword="null"/>: it is an aggregate).</summary>
        public string? Why { get; set; }

        public Placement Place { get; set; } = null!;

        /// <summary>Mirrored instance state, in declaration order (positional record parameters excluded).</summary>
        public List<AggregateMember> Members { get; } = new();

        /// <summary>Positional record parameters (<see langword="null"/>: not a positional record).</summary>
        public List<IParameterSymbol>? Positional { get; set; }

        /// <summary>Why a constant of the user type cannot be turned into a dual one (<see langword="null"/>: it can).</summary>
        public string? NoConversion { get; set; }

        public bool IsValid => Why is null;
    }

    /// <summary>Which user types are aggregates, and how their dual types are declared.</summary>
    internal static class Aggregates
    {
        private static readonly ConditionalWeakTable<INamedTypeSymbol, AggregateInfo> s_cache = new();

        [ThreadStatic] private static HashSet<INamedTypeSymbol>? t_inProgress;

        /// <summary>
        /// The aggregate information of <paramref name="t"/>, or <see langword="null"/> when it is not a candidate (not a
        /// user struct/class of this compilation with floating instance state). A candidate may still be invalid (<see cref="AggregateInfo.Why"/>).
        /// </summary>
        public static AggregateInfo? Of(ITypeSymbol? t)
        {
            if (t is not INamedTypeSymbol n || !IsCandidateShape(n)) return null;
            n = (INamedTypeSymbol)n.WithNullableAnnotation(NullableAnnotation.None);
            if (s_cache.TryGetValue(n, out AggregateInfo? known)) return known.Why == "" ? null : known;
            t_inProgress ??= new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (!t_inProgress.Add(n)) return null; // a type that contains itself: not differentiated
            try
            {
                AggregateInfo info = Compute(n);
                AggregateInfo stored = s_cache.GetValue(n, _ => info);
                return stored.Why == "" ? null : stored;
            }
            finally
            {
                t_inProgress.Remove(n);
            }
        }

        /// <summary>Whether <paramref name="t"/> is a user aggregate with a dual type.</summary>
        public static bool IsAggregate(ITypeSymbol? t) => Of(t) is { IsValid: true };

        private static bool IsCandidateShape(INamedTypeSymbol n) =>
            n.TypeKind is TypeKind.Struct or TypeKind.Class && !n.IsTupleType && n.SpecialType == SpecialType.None
            && !n.IsStatic && n.Locations.Any(l => l.IsInSource) && n.DeclaringSyntaxReferences.Length > 0;

        private static AggregateInfo Compute(INamedTypeSymbol t)
        {
            var info = new AggregateInfo(t);
            var fields = t.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).ToList();
            if (!fields.Any(f => TypeMap.ContainsFloating(f.Type)))
            {
                info.Why = ""; // no floating state: not a candidate
                return info;
            }
            info.Place = Placement.Of(t);
            info.Why = Problem(t, fields, info);
            return info;
        }

        private static string? Problem(INamedTypeSymbol t, List<IFieldSymbol> fields, AggregateInfo info)
        {
            string name = t.Name;
            for (INamedTypeSymbol? c = t; c is not null; c = c.ContainingType)
            {
                if (c.IsGenericType) return "'" + name + "' is generic (or nested in a generic type), and generic user types are not differentiated";
            }
            if (t.IsRefLikeType) return "'" + name + "' is a ref struct";
            if (t.IsAbstract) return "'" + name + "' is abstract";
            var decls = t.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().ToList();
            if (decls.Any(d => d is not RecordDeclarationSyntax && d.ParameterList is not null))
            {
                return "'" + name + "' has a primary constructor, whose parameters are hidden state the generator cannot mirror";
            }
            if (t.TypeKind == TypeKind.Class)
            {
                if (t.BaseType is { SpecialType: not SpecialType.System_Object })
                {
                    return "'" + name + "' derives from '" + t.BaseType.Name + "'; only structs, records and classes deriving from object are differentiated";
                }
                ISymbol? virtualMember = t.GetMembers().FirstOrDefault(m => !m.IsImplicitlyDeclared && (m.IsVirtual || m.IsAbstract));
                if (virtualMember is not null)
                {
                    return "'" + name + "' declares the virtual member '" + virtualMember.Name + "', whose body is chosen at run time";
                }
                IFieldSymbol? mutable = fields.FirstOrDefault(f => !f.IsReadOnly || TypeMap.IsFloatingContainer(f.Type));
                if (mutable is not null)
                {
                    string member = mutable.AssociatedSymbol?.Name ?? mutable.Name;
                    string what = mutable.IsReadOnly ? "holds a container whose elements can change" : "is not readonly or init-only";
                    return "'" + name + "' is a class whose state can change after construction ('" + member + "' " + what + "), and the twin copies values into dual objects, which is sound only for immutable classes; make it a struct or a record, or make its members readonly (init-only properties)";
                }
            }
            var positional = decls.OfType<RecordDeclarationSyntax>().FirstOrDefault(r => r.ParameterList is not null);
            if (positional is not null)
            {
                IMethodSymbol? primary = t.InstanceConstructors.FirstOrDefault(c => c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is RecordDeclarationSyntax));
                if (primary is null) return "the primary constructor of '" + name + "' was not found";
                info.Positional = primary.Parameters.ToList();
            }
            foreach (IFieldSymbol f in fields)
            {
                ISymbol member = f.AssociatedSymbol ?? f;
                if (member is IPropertySymbol p && info.Positional is not null && info.Positional.Any(pp => pp.Name == p.Name)
                    && p.DeclaringSyntaxReferences.All(r => r.GetSyntax() is ParameterSyntax))
                {
                    continue; // declared by the record's parameter list: mirrored by the dual record's own parameter list
                }
                if (member is IPropertySymbol declared && info.Positional is not null && info.Positional.Any(pp => pp.Name == declared.Name))
                {
                    return "'" + name + "' re-declares its positional property '" + declared.Name + "'";
                }
                if (member is IEventSymbol) return "'" + name + "' has a field-like event";
                if (f.IsFixedSizeBuffer) return "'" + name + "' has a fixed-size buffer";
                if (TypeMap.ContainsFloating(f.Type) || Of(f.Type) is not null)
                {
                    TypeMap.Map(f.Type, out bool bad);
                    if (bad || TypeMap.IsFloatingDelegate(f.Type))
                    {
                        string why = Of(f.Type) is { Why: { } inner } ? ": " + inner : "";
                        return "its member '" + member.Name + "' has type '" + TypeMap.Text(f.Type) + "', which the generator cannot map to a dual type" + why;
                    }
                }
                string? initializer = InitializerOf(member, out bool simple);
                if (!simple) return "the initializer of its member '" + member.Name + "' is not a constant";
                info.Members.Add(new AggregateMember(member, f.Type, initializer));
            }
            info.NoConversion = ConversionProblem(info);
            return null;
        }

        /// <summary>A member's initializer; <paramref name="simple"/> when it is a literal or a name (a constant, an enum member), which the dual type can repeat.</summary>
        private static string? InitializerOf(ISymbol member, out bool simple)
        {
            simple = true;
            foreach (SyntaxReference r in member.DeclaringSyntaxReferences)
            {
                ExpressionSyntax? value = r.GetSyntax() switch
                {
                    VariableDeclaratorSyntax { Initializer: { } i } => i.Value,
                    PropertyDeclarationSyntax { Initializer: { } pi } => pi.Value,
                    _ => null,
                };
                if (value is null) continue;
                simple = IsSimple(value);
                return value.ToString();
            }
            return null;
        }

        private static bool IsSimple(ExpressionSyntax e) => e switch
        {
            LiteralExpressionSyntax or DefaultExpressionSyntax => true,
            ParenthesizedExpressionSyntax p => IsSimple(p.Expression),
            PrefixUnaryExpressionSyntax u => IsSimple(u.Operand),
            CastExpressionSyntax c => IsSimple(c.Expression),
            IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax m => IsSimple(m.Expression),
            BinaryExpressionSyntax b => IsSimple(b.Left) && IsSimple(b.Right),
            PredefinedTypeSyntax => true,
            _ => false,
        };

        /// <summary>Why a constant value of the user type cannot be copied into its dual type (<see langword="null"/>: it can).</summary>
        private static string? ConversionProblem(AggregateInfo info)
        {
            IEnumerable<(string Name, ITypeSymbol Type, ISymbol Symbol)> state = info.Members.Select(m => (m.Name, m.Type, m.Symbol));
            if (info.Positional is not null)
            {
                state = info.Positional.Select(p => (p.Name, p.Type, (ISymbol)info.Type.GetMembers(p.Name).FirstOrDefault()!)).Concat(state);
            }
            foreach ((string memberName, ITypeSymbol type, ISymbol symbol) in state)
            {
                if (TypeMap.IsFloatingContainer(type))
                {
                    return "its member '" + memberName + "' holds a floating container, which a dual copy would not share with the original";
                }
                if (Of(type) is { IsValid: true, NoConversion: { } inner }) return inner;
                if (info.Place.InsideOriginal || symbol is null) continue;
                Accessibility a = symbol is IPropertySymbol { GetMethod: { } g } ? g.DeclaredAccessibility : symbol.DeclaredAccessibility;
                if (a is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                {
                    return "its member '" + memberName + "' is private, so a constant '" + info.Type.Name + "' cannot be copied into the dual type; declare '" + info.Type.Name + "' partial (its dual type then goes inside it)";
                }
            }
            return null;
        }

        /// <summary>The dual type's fully qualified name for <paramref name="t"/> (an aggregate).</summary>
        public static string DualName(INamedTypeSymbol t) => Of(t)!.Place.Fq;

        /// <summary>
        /// The declaration of the dual type (single-tangent form): mirrored state with dual types, and the implicit
        /// conversion from a constant of the user type. Twins of members are added by further partial declarations.
        /// </summary>
        /// <param name="info">The aggregate.</param>
        /// <param name="constantInitializer">The literal of a member initializer that is a constant (<see langword="null"/>: keep it as written).</param>
        /// <param name="multi">For the multi-tangent dual type <c>Vec3Dual&lt;TTangents&gt;</c>: its precision; <see langword="null"/> for the single-tangent one.</param>
        public static string Declaration(AggregateInfo info, Func<string, string?> constantInitializer, string? multi)
        {
            INamedTypeSymbol t = info.Type;
            string access = Placement.Accessibility(t.DeclaredAccessibility);
            if (!info.Place.InsideOriginal && info.Place.Containers.Count == 0 && access is "private" or "protected" or "private protected" or "protected internal")
            {
                access = "internal"; // moved out of its container to namespace level
            }
            string kind = t.TypeKind == TypeKind.Struct ? (t.IsRecord ? "record struct" : "struct") : (t.IsRecord ? "record" : "class");
            string mods = access + " " + (t.IsReadOnly && t.TypeKind == TypeKind.Struct ? "readonly " : "") + (t.IsSealed && t.TypeKind == TypeKind.Class ? "sealed " : "") + "partial ";
            string name = info.Place.Name;
            string self = multi is null ? name : name + "<" + KnownNames.Tangents + ">";
            var sb = new System.Text.StringBuilder();
            sb.Append("/// <summary>Dual counterpart of <c>").Append(MethodTransform.Xml(t.ToDisplayString())).Append("</c> (generated): the same members, with every floating value carrying ")
              .Append(multi is null ? "a tangent" : "<c>TTangents.Count</c> tangents").Append(".</summary>\n");
            sb.Append(mods).Append(kind).Append(' ').Append(self);
            if (info.Positional is not null)
            {
                // Defaults the dual record can keep stay (an int 'PaymentsPerYear = 2'); creations pass the others explicitly.
                sb.Append('(').Append(string.Join(", ", info.Positional.Select(p => Mapped(p.Type) + " " + p.Name
                    + (TwinSignature.KeepsDefault(p) ? " = " + TwinSignature.Literal(p.ExplicitDefaultValue, p.Type) : "")))).Append(')');
            }
            if (multi is not null) sb.Append("\n    ").Append(KnownNames.TangentsConstraint(multi));
            sb.Append("\n{\n");
            foreach (AggregateMember m in info.Members)
            {
                string type = Mapped(m.Type);
                string init = "";
                if (m.Initializer is not null) init = " = " + (constantInitializer(m.Initializer) ?? m.Initializer);
                string memberAccess = Placement.Accessibility(m.Symbol.DeclaredAccessibility);
                switch (m.Symbol)
                {
                    case IPropertySymbol p:
                    {
                        string get = p.GetMethod is { } g && g.DeclaredAccessibility != p.DeclaredAccessibility ? Placement.Accessibility(g.DeclaredAccessibility) + " get; " : "get; ";
                        string set = "";
                        if (p.SetMethod is { } s)
                        {
                            string sa = s.DeclaredAccessibility != p.DeclaredAccessibility ? Placement.Accessibility(s.DeclaredAccessibility) + " " : "";
                            set = sa + (s.IsInitOnly ? "init; " : "set; ");
                        }
                        sb.Append(memberAccess).Append(' ').Append(type).Append(' ').Append(p.Name).Append(" { ").Append(get).Append(set).Append('}');
                        sb.Append(init.Length > 0 ? init + ";\n" : "\n");
                        break;
                    }
                    case IFieldSymbol f:
                        sb.Append(memberAccess).Append(' ').Append(f.IsReadOnly ? "readonly " : "").Append(type).Append(' ').Append(f.Name).Append(init).Append(";\n");
                        break;
                }
            }
            if (info.NoConversion is null)
            {
                string from = t.ToDisplayString(TypeMap.Fq);
                sb.Append("\n/// <summary>A constant: the value of <paramref name=\"value\"/> with zero tangents.</summary>\n");
                sb.Append("public static implicit operator ").Append(self).Append('(').Append(from).Append(" value) => new ").Append(self).Append("(value, true);\n\n");
                sb.Append("private ").Append(name).Append('(').Append(from).Append(" __from, bool __constant)");
                if (info.Positional is not null) sb.Append(" : this(").Append(string.Join(", ", info.Positional.Select(p => "__from." + p.Name))).Append(')');
                sb.Append("\n{\n");
                foreach (AggregateMember m in info.Members) sb.Append("this.").Append(m.Name).Append(" = __from.").Append(m.Name).Append(";\n");
                sb.Append("}\n");
                // Declaring the conversion constructor removes a class's implicit parameterless one: keep it.
                if (t.TypeKind == TypeKind.Class && info.Positional is null
                    && t.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0 && c.IsImplicitlyDeclared) is { } implicitCtor)
                {
                    sb.Append('\n').Append(Placement.Accessibility(implicitCtor.DeclaredAccessibility)).Append(' ').Append(name).Append("()\n{\n}\n");
                }
            }
            sb.Append("}\n");
            return sb.ToString();
        }

        private static string Mapped(ITypeSymbol t) => TypeMap.Map(t, out _) ?? t.ToDisplayString(TypeMap.Fq);

        /// <summary>Every aggregate mentioned by <paramref name="t"/> (itself, elements, tuple elements, type arguments).</summary>
        public static void Collect(ITypeSymbol? t, ISet<INamedTypeSymbol> into, int depth = 0)
        {
            if (t is null || depth > 16) return;
            switch (t)
            {
                case IArrayTypeSymbol a:
                    Collect(a.ElementType, into, depth + 1);
                    return;
                case INamedTypeSymbol n:
                    if (IsAggregate(n) && into.Add((INamedTypeSymbol)n.WithNullableAnnotation(NullableAnnotation.None)))
                    {
                        foreach (AggregateMember m in Of(n)!.Members) Collect(m.Type, into, depth + 1);
                        foreach (IParameterSymbol p in Of(n)!.Positional ?? new List<IParameterSymbol>()) Collect(p.Type, into, depth + 1);
                    }
                    foreach (ITypeSymbol x in n.TypeArguments) Collect(x, into, depth + 1);
                    return;
            }
        }
    }
}
