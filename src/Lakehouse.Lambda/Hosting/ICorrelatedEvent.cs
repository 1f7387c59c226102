namespace Lakehouse.Lambda.Hosting;

/// <summary>
/// An event that names the business operation it belongs to (a pipeline run id, a schedule id). The host copies it
/// into the <c>correlation_id</c> of every log line of the invocation.
/// </summary>
public interface ICorrelatedEvent
{
    string? CorrelationId { get; }
}
