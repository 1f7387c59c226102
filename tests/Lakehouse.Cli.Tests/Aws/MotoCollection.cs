using Lakehouse.Testing.Aws;

namespace Lakehouse.Cli.Tests.Aws;

[CollectionDefinition("moto")]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>;
