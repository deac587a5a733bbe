using BenchmarkDotNet.Running;
using InLav.Bench;

// Benchmarks of InLav Cruscotto: see docs/performance.md.
//   dotnet run -c Release --project bench/InLav.Bench -- import           full import of the data directory, 3 repetitions
//   dotnet run -c Release --project bench/InLav.Bench -- query            BenchmarkDotNet: query service against bare DuckDB SQL
//   dotnet run -c Release --project bench/InLav.Bench -- indicators       every indicator × level × period, timed
//   dotnet run -c Release --project bench/InLav.Bench -- indicator-view   BenchmarkDotNet: one indicator view with derived views
//   dotnet run -c Release --project bench/InLav.Bench -- cob              SYNTHETIC COB at full scale: generate, ingest, aggregate, peak memory
//   dotnet run -c Release --project bench/InLav.Bench -- ui [URL]         explorer in Chromium against a running server (default http://127.0.0.1:5000)
//   dotnet run -c Release --project bench/InLav.Bench -- load [options]   HTTP load, mixed workload, against a running server (bench/load.sh starts one)
//   dotnet run -c Release --project bench/InLav.Bench -- door             one indicator view through the indicator service vs bare SQL: check, cold, warm
//   dotnet run -c Release --project bench/InLav.Bench -- door-bdn         the same comparison as a BenchmarkDotNet job
//   dotnet run -c Release --project bench/InLav.Bench -- mcp [URL]        p95 of each MCP tool call, warm, against a running server (bench/mcp.sh starts one)
switch (args.FirstOrDefault())
{
    case "import":
        return await ImportMeasurement.RunAsync(repetitions: 3);
    case "cob":
        return await CobMeasurement.RunAsync();
    case "query":
        BenchmarkRunner.Run<QueryBenchmarks>(QueryBenchmarks.Config(), args[1..]);
        return 0;
    case "indicators":
        return await IndicatorBenchmarks.EveryIndicatorAsync();
    case "indicator-view":
        BenchmarkRunner.Run<IndicatorBenchmarks>(QueryBenchmarks.Config(), args[1..]);
        return 0;
    case "ui":
        return await UiMeasurement.RunAsync((args.Length > 1 ? args[1] : "http://127.0.0.1:5000").TrimEnd('/'), repetitions: 5);
    case "load":
        return await LoadMeasurement.RunAsync(args[1..]);
    case "door":
        return await DoorBenchmarks.ColdAndWarmAsync();
    case "mcp":
        return await McpMeasurement.RunAsync((args.Length > 1 ? args[1] : "http://127.0.0.1:5000").TrimEnd('/'), repetitions: 100);
    case "door-bdn":
        BenchmarkRunner.Run<DoorBenchmarks>(QueryBenchmarks.Config(), args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project bench/InLav.Bench -- import|query|indicators|indicator-view|cob|ui [URL]|load [options]|door|door-bdn|mcp [URL] [BenchmarkDotNet options]");
        return 2;
}
