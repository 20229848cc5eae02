using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Verbatim.Bench.ExtractionBenchmarks).Assembly).Run(args);
