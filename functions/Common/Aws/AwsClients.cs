using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Lakehouse.Aws.StepFunctions;
using Lakehouse.Functions.Settings;

namespace Lakehouse.Functions.Aws;

/// <summary>
/// The SDK clients of one sandbox, created once in the init phase. Credentials come from the environment variables
/// Lambda sets (no credential-chain probing at cold start); AWS_ENDPOINT_URL redirects every client to an emulator.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private readonly Lazy<AmazonS3Client> _s3;
    private readonly Lazy<AmazonDynamoDBClient> _dynamo;
    private readonly Lazy<StepFunctionsClient> _stepFunctions;

    public AwsClients(FunctionSettings settings)
        : this(settings, new EnvironmentVariablesAWSCredentials())
    {
    }

    /// <summary>Clients signing with <paramref name="credentials"/> (the CLI passes the SDK's default credential chain).</summary>
    public AwsClients(FunctionSettings settings, AWSCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        Credentials = credentials;
        var endpoint = settings.EndpointOverride?.ToString();
        _s3 = new(() =>
        {
            var config = new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region) };
            if (endpoint is not null)
            {
                config.ServiceURL = endpoint;
                config.ForcePathStyle = true;
                config.AuthenticationRegion = settings.Region;
                config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
                config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
            }

            return new AmazonS3Client(Credentials, config);
        });
        _dynamo = new(() =>
        {
            var config = new AmazonDynamoDBConfig { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region) };
            if (endpoint is not null)
            {
                config.ServiceURL = endpoint;
                config.AuthenticationRegion = settings.Region;
            }

            return new AmazonDynamoDBClient(Credentials, config);
        });
        _stepFunctions = new(() => new StepFunctionsClient(new StepFunctionsClientOptions(settings.Region, Credentials) { ServiceUrl = settings.EndpointOverride }));
    }

    public AWSCredentials Credentials { get; }

    public IAmazonS3 S3 => _s3.Value;

    public IAmazonDynamoDB DynamoDb => _dynamo.Value;

    public StepFunctionsClient StepFunctions => _stepFunctions.Value;

    public void Dispose()
    {
        if (_s3.IsValueCreated)
        {
            _s3.Value.Dispose();
        }

        if (_dynamo.IsValueCreated)
        {
            _dynamo.Value.Dispose();
        }

        if (_stepFunctions.IsValueCreated)
        {
            _stepFunctions.Value.Dispose();
        }
    }
}
