using Lakehouse.Testing.Aws;

namespace Lakehouse.Local.Tests.StateMachines.Moto;

[CollectionDefinition("moto")]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
}
