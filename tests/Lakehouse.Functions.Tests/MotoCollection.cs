using Lakehouse.Testing.Aws;

namespace Lakehouse.Functions.Tests;

[CollectionDefinition("moto")]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>;
