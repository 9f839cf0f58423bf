namespace Dual.Generators
{
    internal sealed partial class DualFlow
    {
        /// <summary>
        /// <c>new List&lt;double&gt;()</c>, <c>new List&lt;double&gt;(capacity)</c>, <c>new List&lt;double&gt;(source)</c>
        /// (<see cref="CollectionTwins"/>): in the twin a collection of dual numbers, whatever its arguments, like a
        /// floating array creation. A source whose elements the twin keeps constant cannot fill it (no conversion exists).
        /// </summary>
        private CallPlan CollectionCreation(IObjectCreationOperation oc, IMethodSymbol ctor, List<Flow> flows)
        {
            foreach (Flow f in flows.Where(f => IsConstantContainer(f.Value)))
            {
                ConstantContainer(f.Value, "'new " + TypeMap.Text(oc.Type) + "(…)'", oc);
                return new CallPlan(CallKind.Error);
            }
            return new CallPlan(CallKind.Container) { ResultIsDual = true };
        }

        /// <summary>
        /// A member of <c>System.Numerics.Vector2/3/4</c> or <c>Quaternion</c> with a dual operand: the runtime's twin
        /// (<see cref="NumericsTwins"/>) when it has one (operators and instance methods by overload resolution, static
        /// methods through the twin type), otherwise a diagnostic naming the member.
        /// </summary>
        private CallPlan NumericsMember(IOperation call, IMethodSymbol m)
        {
            if (!NumericsTwins.Supported(m))
            {
                if (!InvolvesReportedRoot(call))
                {
                    Report(Generators.Diagnostics.NotDifferentiableCall, call.Syntax, null, Display(m),
                        "has no dual twin (the dual " + m.ContainingType.Name + " supports " + NumericsTwins.SupportedList(m.ContainingType) + ")",
                        "compute it from the components X, Y, Z, W in the method");
                }
                return new CallPlan(CallKind.Error);
            }
            bool result = m.MethodKind == MethodKind.Constructor || TypeMap.Map(m.ReturnType, out _) is not null;
            var plan = new CallPlan(CallKind.Twin) { ResultIsDual = result };
            if (m.IsStatic && m.MethodKind == MethodKind.Ordinary) plan.Callee = NumericsTwins.Map(m.ContainingType) + "." + m.Name;
            return plan;
        }
    }
}
