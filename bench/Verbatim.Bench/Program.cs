using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "ledger-queries")
{
    return Verbatim.Bench.LedgerQueryBench.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Verbatim.Bench.ExtractionBenchmarks).Assembly).Run(args);
return 0;
