using BenchmarkDotNet.Running;
using Parley.Benchmarks.Analysis;

if (args is ["analysis-peak", var name])
{
    PeakMemory.Run(name);
    return;
}

if (args is ["server-load", var db, ..] )
{
    await Parley.Benchmarks.Server.ServerLoad.RunAsync(db, args[2..]);
    return;
}

if (args is ["server-startup", var startDb, ..])
{
    await Parley.Benchmarks.Server.ServerStartup.RunAsync(startDb);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PeakMemory).Assembly).Run(args);
