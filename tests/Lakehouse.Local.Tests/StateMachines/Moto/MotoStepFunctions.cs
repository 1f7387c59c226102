using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Local.Tests.StateMachines.Moto;

/// <summary>
/// The few Step Functions JSON-protocol calls the cross-check needs, as plain HTTP (AWSSDK.StepFunctions is not in
/// this registry). moto does not verify signatures; it reads the region from the Authorization header's credential
/// scope, so the header carries a well-formed but unsigned scope.
/// </summary>
internal sealed class MotoStepFunctions(MotoServerFixture moto) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(moto.Endpoint + "/"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Switches moto's Step Functions backend from recording to really executing state machines.</summary>
    public async Task EnableExecutionAsync()
    {
        using var content = new StringContent("""{"stepfunctions": {"execute_state_machine": true}}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("moto-api/config", content);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonObject> CallAsync(string operation, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions." + operation);
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential=testing/20260101/{MotoServerFixture.Region}/states/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"moto {operation} failed with {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Creates a state machine, starts one execution and polls until it is no longer RUNNING.</summary>
    public async Task<JsonObject> RunAsync(string definition, string input)
    {
        var created = await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "StateMachine",
            ["definition"] = definition,
            ["roleArn"] = "arn:aws:iam::123456789012:role/state-machine",
        });
        var started = await CallAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = created["stateMachineArn"]!.GetValue<string>(),
            ["name"] = "case",
            ["input"] = input,
        });
        var arn = started["executionArn"]!.GetValue<string>();
        for (var i = 0; i < 600; i++)
        {
            var described = await CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
            if (described["status"]?.GetValue<string>() != "RUNNING")
            {
                return described;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"moto execution {arn} was still RUNNING after 12 s.");
    }

    public void Dispose() => _http.Dispose();
}
