namespace Lakehouse.Cli.Output;

/// <summary>Where long work reports how far it is. Thread-safe: Map iterations of the state machine report concurrently.</summary>
internal interface IProgressView
{
    /// <summary><paramref name="done"/> of <paramref name="total"/> items of <paramref name="task"/> are handled; the last was <paramref name="item"/>.</summary>
    void Report(string task, int done, int total, string item);
}
