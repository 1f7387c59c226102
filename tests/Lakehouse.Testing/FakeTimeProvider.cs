namespace Lakehouse.Testing;

/// <summary>A settable clock for tests (Microsoft.Extensions.TimeProvider.Testing is not in this registry).</summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private DateTimeOffset _now;
    private readonly object _gate = new();

    public FakeTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            _now = value;
        }
    }
}
