namespace Lakehouse.Pipelines.Expressions;

/// <summary>
/// Per-run evaluation settings. The clock is read once when the context is created, so <c>current_date()</c> and
/// <c>current_timestamp()</c> return the same value for every row and batch of a run (as Spark fixes them per query).
/// The session time zone is UTC: dates and timestamps are interpreted and rendered in UTC.
/// </summary>
public sealed class EvaluationContext
{
    private EvaluationContext(DateTimeOffset now)
    {
        Now = now.ToUniversalTime();
        NowMicros = (Now.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
        Today = (int)Math.Floor(NowMicros / 86_400_000_000.0);
    }

    /// <summary>The instant <c>current_timestamp()</c> returns.</summary>
    public DateTimeOffset Now { get; }

    internal long NowMicros { get; }

    internal int Today { get; }

    /// <summary>Reads <paramref name="clock"/> once; use one context per pipeline run.</summary>
    public static EvaluationContext Create(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new EvaluationContext(clock.GetUtcNow());
    }
}
