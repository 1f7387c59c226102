using System.Globalization;
using Lakehouse.Bench.Harness;
using Lakehouse.Testing;

// lakehouse-bench: named benchmarks, each side in fresh child processes; see bench/README.md.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
string? name = null;
string? child = null;
var side = "ours";
long rows = 10_000_000;
var threads = Environment.ProcessorCount;
var runs = 3;
var ours = true;
var duck = false;

for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--duckdb": duck = true; break;
        case "--duckdb-only": duck = true; ours = false; break;
        case "--child": child = args[++i]; break;
        case "--side": side = args[++i]; break;
        case "--opt":
            var kv = args[++i].Split('=', 2);
            options[kv[0]] = kv.Length > 1 ? kv[1] : "true";
            break;
        case "list" or "--list" or "-h" or "--help":
            name = null;
            goto default;
        default:
            if (args[i].StartsWith('-'))
            {
                Console.Error.WriteLine($"Unknown option {args[i]}.");
                return 2;
            }

            if (args[i] is not ("list" or "--list" or "-h" or "--help"))
            {
                name = args[i];
            }

            break;
    }
}

var benchRoot = Path.Combine(RepositoryPaths.Root, ".bench");
var context = new BenchContext(rows, threads, Path.Combine(benchRoot, "data"), Path.Combine(benchRoot, "work"), options);
Directory.CreateDirectory(context.WorkDirectory);

if (child is not null)
{
    var b = BenchmarkRegistry.Find(child) ?? throw new InvalidOperationException($"No benchmark named '{child}'.");
    return await BenchmarkRunner.RunChildAsync(b, context, side, CancellationToken.None);
}

if (name is null)
{
    Console.WriteLine("usage: lakehouse-bench <name> [--rows N] [--threads N] [--runs N] [--duckdb | --duckdb-only] [--opt key=value]");
    Console.WriteLine();
    foreach (var b in BenchmarkRegistry.All)
    {
        var sides = string.Join("+", new[] { b.HasOurSide ? "ours" : null, b.HasDuckDbSide ? "duckdb" : null }.Where(s => s is not null));
        Console.WriteLine($"  {b.Name,-24} [{sides}] {b.Description}");
    }

    return 0;
}

var benchmark = BenchmarkRegistry.Find(name);
if (benchmark is null)
{
    Console.Error.WriteLine($"No benchmark named '{name}'. Run without arguments for the list.");
    return 2;
}

try
{
    return await BenchmarkRunner.RunAsync(benchmark, context, runs, ours, duck, CancellationToken.None);
}
finally
{
    // Outputs of runs are large; keep only the cached input data (unless --opt keep=true, to inspect them).
    try
    {
        if (context.Option("keep", "false") == "true")
        {
            Console.WriteLine($"outputs kept in {context.WorkDirectory}");
        }
        else
        {
            Directory.Delete(context.WorkDirectory, recursive: true);
        }
    }
    catch (IOException)
    {
    }
}
