namespace Lakehouse.Lambda.Hosting;

/// <summary>
/// A setting (environment variable) is missing or invalid. Thrown during start-up only, so Lambda reports an init
/// error and the function never serves an invoke half-configured. Error type <c>Lakehouse.LambdaConfiguration</c>.
/// </summary>
public sealed class LambdaConfigurationException : LakehouseException
{
    public LambdaConfigurationException(string message)
        : base(message)
    {
    }

    public LambdaConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
