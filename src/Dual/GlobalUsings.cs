// The namespaces nearly every file of the library uses, imported once (files keep only the usings particular to them).
global using System;
global using System.Numerics;
global using System.Runtime.CompilerServices;
