using BenchmarkDotNet.Running;
using Parley.Benchmarks.Analysis;

if (args is ["analysis-peak", var name])
{
    PeakMemory.Run(name);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
