using Lakehouse.Testing.Aws;

namespace Lakehouse.Testing.Tests.Aws;

[CollectionDefinition("moto")]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
}
