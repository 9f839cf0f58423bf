using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
    }
}
