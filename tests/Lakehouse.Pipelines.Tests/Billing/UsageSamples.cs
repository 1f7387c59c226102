using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Pipelines.Tests.Billing;

/// <summary>Deterministic random usage records for billing tests.</summary>
internal static class UsageSamples
{
    public static UsageRecord Invocation(string workspace, DateTimeOffset start, long ms, int memoryMb = 1024, string function = "lakehouse-dev-Transform",
        string pipeline = "retail", UsageKind kind = UsageKind.Transform, string arch = "x86_64", string? requestId = null) => new()
        {
            WorkspaceId = workspace,
            RequestId = requestId ?? Guid.NewGuid().ToString(),
            Kind = kind,
            Pipeline = pipeline,
            Stage = "silver/orders",
            Function = function,
            Start = start,
            End = start.AddMilliseconds(ms),
            BilledDurationMs = ms,
            MemoryMb = memoryMb,
            Architecture = arch,
            OwnerId = "u-42",
            OwnerName = "ada@example.com",
            Tags = new Dictionary<string, string> { ["team"] = "data", ["cost-center"] = "cc,1 \"x\"" },
        };

    public static List<UsageRecord> Random(int count, int seed, DateTimeOffset from, TimeSpan span, params string[] workspaces)
    {
        var rng = new Random(seed);
        var functions = new[] { "lakehouse-dev-Ingest", "lakehouse-dev-Transform", "lakehouse-dev-Maintenance" };
        var kinds = new[] { UsageKind.Ingest, UsageKind.Transform, UsageKind.Maintenance };
        var list = new List<UsageRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var f = rng.Next(functions.Length);
            var start = from.AddTicks((long)(rng.NextDouble() * span.Ticks));
            if (rng.Next(10) == 0)
            {
                list.Add(new UsageRecord
                {
                    WorkspaceId = workspaces[rng.Next(workspaces.Length)],
                    RequestId = $"exec-{i}",
                    Kind = UsageKind.Orchestration,
                    Pipeline = "retail",
                    Function = "lakehouse-dev-Pipeline",
                    Start = start,
                    End = start.AddSeconds(rng.Next(1, 60)),
                    StateTransitions = rng.Next(1, 40),
                });
                continue;
            }

            list.Add(Invocation(
                workspaces[rng.Next(workspaces.Length)],
                start,
                rng.NextInt64(1, 900_000),
                new[] { 128, 512, 1024, 1769, 3008, 10240 }[rng.Next(6)],
                functions[f],
                rng.Next(3) == 0 ? "finance" : "retail",
                kinds[f],
                rng.Next(4) == 0 ? "arm64" : "x86_64",
                $"req-{i}"));
        }

        return list;
    }
}
