using BenchmarkDotNet.Running;
using InLav.Bench;

// Benchmarks of InLav Cruscotto: see docs/performance.md.
//   dotnet run -c Release --project bench/InLav.Bench -- import   full import of the data directory, 3 repetitions
//   dotnet run -c Release --project bench/InLav.Bench -- query    BenchmarkDotNet: query service against bare DuckDB SQL
//   dotnet run -c Release --project bench/InLav.Bench -- ui [URL] explorer in Chromium against a running server (default http://127.0.0.1:5000)
switch (args.FirstOrDefault())
{
    case "import":
        return await ImportMeasurement.RunAsync(repetitions: 3);
    case "query":
        BenchmarkRunner.Run<QueryBenchmarks>(QueryBenchmarks.Config(), args[1..]);
        return 0;
    case "ui":
        return await UiMeasurement.RunAsync((args.Length > 1 ? args[1] : "http://127.0.0.1:5000").TrimEnd('/'), repetitions: 5);
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/InLav.Bench -- import|query [BenchmarkDotNet options]|ui [URL]");
        return 2;
}
