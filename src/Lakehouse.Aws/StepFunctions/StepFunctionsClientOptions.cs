using Amazon.Runtime;

namespace Lakehouse.Aws.StepFunctions;

/// <summary>Where and as whom <see cref="StepFunctionsClient"/> calls the Step Functions API.</summary>
/// <param name="Region">The AWS region, e.g. <c>eu-west-1</c> (also the SigV4 signing region).</param>
/// <param name="Credentials">The credentials to sign with (e.g. <c>DefaultAWSCredentialsIdentityResolver.GetCredentials()</c> in Lambda).</param>
public sealed record StepFunctionsClientOptions(string Region, AWSCredentials Credentials)
{
    /// <summary>The endpoint; default <c>https://states.&lt;region&gt;.amazonaws.com</c>. Set it for moto_server or a VPC endpoint.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>Attempts for idempotent calls (StartExecution with a name, DescribeExecution) on throttling, 5xx and timeouts. Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Timeout of one HTTP attempt. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Clock for backoff delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The effective endpoint.</summary>
    public Uri Endpoint => ServiceUrl ?? new Uri($"https://states.{Region}.amazonaws.com/");
}
