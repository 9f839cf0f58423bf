// The namespaces nearly every file of the engine uses, imported once (files keep only the usings particular to them).
global using System;
global using System.Numerics;
global using System.Runtime.CompilerServices;
global using ILGPU;
