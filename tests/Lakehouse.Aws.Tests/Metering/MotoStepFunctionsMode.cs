using System.Text;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.Metering;

/// <summary>
/// Switches moto's Step Functions backend between recording (the default: executions stay RUNNING until stopped and
/// every history is the same static one) and really executing definitions (moto 5.2's engine, which records
/// realistic histories). The executing engine runs one execution per server: moto deep-copies the state machine on
/// StartExecution and fails on the thread state of earlier executions, so those tests reset moto first. Disposing
/// switches back to recording, the mode every other test of the collection expects.
/// </summary>
internal sealed class MotoStepFunctionsMode : IAsyncDisposable
{
    private readonly MotoServerFixture _moto;

    private MotoStepFunctionsMode(MotoServerFixture moto) => _moto = moto;

    public static async Task<MotoStepFunctionsMode> ExecutingAsync(MotoServerFixture moto)
    {
        await moto.ResetAsync();
        await SetAsync(moto, execute: true);
        return new MotoStepFunctionsMode(moto);
    }

    public async ValueTask DisposeAsync() => await SetAsync(_moto, execute: false);

    private static async Task SetAsync(MotoServerFixture moto, bool execute)
    {
        using var http = new HttpClient();
        using var content = new StringContent(execute ? """{"stepfunctions": {"execute_state_machine": true}}""" : """{"stepfunctions": {"execute_state_machine": false}}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(moto.Endpoint + "/moto-api/config"), content);
        response.EnsureSuccessStatusCode();
    }
}
