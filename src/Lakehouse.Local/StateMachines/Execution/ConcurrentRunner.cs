using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.Execution;

/// <summary>
/// Runs Map iterations or Parallel branches with at most <c>limit</c> at a time and keeps results in order. The first
/// failure cancels the others and is rethrown once they have stopped (a Map or Parallel state fails as a whole).
/// </summary>
internal static class ConcurrentRunner
{
    public static async Task<JsonArray> RunAllAsync(int count, int limit, Func<int, CancellationToken, Task<JsonNode?>> body, CancellationToken cancellationToken)
    {
        var results = new JsonNode?[count];
        if (count == 0)
        {
            return [];
        }

        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(limit <= 0 ? count : Math.Min(limit, count));
        StatesError? first = null;
        var tasks = Enumerable.Repeat(Task.CompletedTask, count).ToArray();
        for (var i = 0; i < count; i++)
        {
            // Slots are taken in item order, so iterations start in array order (with MaxConcurrency 1 they run
            // one after another in input order, as Step Functions does).
            try
            {
                await gate.WaitAsync(failFast.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var index = i;
            tasks[i] = Task.Run(
                async () =>
                {
                    try
                    {
                        results[index] = await body(index, failFast.Token).ConfigureAwait(false);
                    }
                    catch (StatesError error)
                    {
                        Interlocked.CompareExchange(ref first, error, null);
                        await failFast.CancelAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                CancellationToken.None);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (first is not null && !cancellationToken.IsCancellationRequested)
        {
            // Siblings stopped because one failed; the failure is reported below.
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (first is not null)
        {
            throw new StatesError(first.Error, first.Cause, first);
        }

        // An output may be a node inside another tree (an OutputPath selection) or shared; the array gets copies.
        return new JsonArray(results.Select(r => r?.DeepClone()).ToArray());
    }
}
