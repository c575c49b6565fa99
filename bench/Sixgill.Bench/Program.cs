using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Sixgill.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Sixgill.Bench.ConfigBenchmarks).Assembly).Run(args);
