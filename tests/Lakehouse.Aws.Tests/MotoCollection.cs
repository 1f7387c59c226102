using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests;

[CollectionDefinition("moto")]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
}
