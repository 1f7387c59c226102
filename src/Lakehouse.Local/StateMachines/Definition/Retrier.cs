using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>
/// One Retry entry. The n-th retry (n from 1) waits IntervalSeconds × BackoffRate^(n-1), capped at MaxDelaySeconds;
/// with JitterStrategy FULL the wait is drawn uniformly from [0, that]. MaxAttempts 0 means never retry.
/// </summary>
internal sealed record Retrier(
    IReadOnlyList<string> ErrorEquals,
    int IntervalSeconds,
    int MaxAttempts,
    double BackoffRate,
    int? MaxDelaySeconds,
    bool FullJitter)
{
    public bool Matches(string error) => ErrorMatcher.Matches(ErrorEquals, error);

    public TimeSpan DelayFor(int retry, Random random)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, retry - 1);
        if (MaxDelaySeconds is { } max)
        {
            seconds = Math.Min(seconds, max);
        }

#pragma warning disable CA5394 // Jitter, not security.
        if (FullJitter)
        {
            lock (random)
            {
                seconds *= random.NextDouble();
            }
        }
#pragma warning restore CA5394

        return TimeSpan.FromSeconds(seconds);
    }

    public static IReadOnlyList<Retrier> ReadAll(FieldReader state)
    {
        var array = state.Array("Retry");
        if (array is null)
        {
            return [];
        }

        var result = new List<Retrier>();
        for (var i = 0; i < array.Count; i++)
        {
            var r = ErrorMatcher.ReaderAt(array, i, state.State, "Retry");
            var errors = ErrorMatcher.Read(r, i == array.Count - 1);
            var backoff = (double)(r.Number("BackoffRate") ?? 2.0m);
            if (backoff < 1.0)
            {
                throw r.Error("BackoffRate", "must be at least 1.0.");
            }

            var jitter = r.String("JitterStrategy") ?? "NONE";
            if (jitter is not ("FULL" or "NONE"))
            {
                throw r.Error("JitterStrategy", $"must be FULL or NONE, got '{jitter}'.");
            }

            result.Add(new Retrier(
                errors,
                r.Integer("IntervalSeconds", 1) ?? 1,
                r.Integer("MaxAttempts", 0) ?? 3,
                backoff,
                r.Integer("MaxDelaySeconds", 1),
                jitter == "FULL"));
            r.Has("Comment");
            r.EnsureAllRead("a Retrier");
        }

        return result;
    }
}
