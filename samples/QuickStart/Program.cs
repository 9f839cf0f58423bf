using System;
using QuickStart;

// Quick start: exact derivatives of ordinary C# code, printed beside their closed forms.
foreach (Example example in QuickStartExamples.Run())
{
    bool ok = Math.Abs(example.Got - example.Expected) <= 1e-12 * Math.Max(1, Math.Abs(example.Expected));
    Console.WriteLine($"{example.What,-34} = {example.Got,22:R}   expected {example.Expected,22:R}   {(ok ? "ok" : "MISMATCH")}");
}
