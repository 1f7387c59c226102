using Amazon.DynamoDBv2;
using Amazon.S3;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Aws.LogStores;
using Lakehouse.Aws.S3;
using Lakehouse.Aws.Tests.Faults;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.LogStores;

/// <summary>A fresh bucket and DynamoDB log table on moto, with fault-injecting decorators around both.</summary>
internal sealed class LogStoreTestBed : IDisposable
{
    private LogStoreTestBed(AmazonS3Client s3, AmazonDynamoDBClient dynamo, string bucket, string tableName)
    {
        S3 = s3;
        Dynamo = dynamo;
        Bucket = bucket;
        TableName = tableName;
        ObjectStore = new S3ObjectStore(s3, new S3ObjectStoreOptions(bucket, "warehouse"));
        Entries = new DynamoDbCommitEntryTable(dynamo, tableName);
    }

    public AmazonS3Client S3 { get; }

    public AmazonDynamoDBClient Dynamo { get; }

    public string Bucket { get; }

    public string TableName { get; }

    public S3ObjectStore ObjectStore { get; }

    public DynamoDbCommitEntryTable Entries { get; }

    public FakeTimeProvider Clock { get; } = new();

    public const string TableRoot = "sales/bronze/orders";

    public static async Task<LogStoreTestBed> CreateAsync(MotoServerFixture moto)
    {
        var s3 = moto.CreateS3Client();
        var dynamo = moto.CreateDynamoDbClient();
        var bucket = MotoServerFixture.UniqueName("logstore");
        await s3.PutBucketAsync(bucket);
        var table = MotoServerFixture.UniqueName("delta_log");
        await DeltaLogTable.EnsureCreatedAsync(dynamo, table, default);
        return new LogStoreTestBed(s3, dynamo, bucket, table);
    }

    public DynamoDbLogStoreOptions Options => new() { TableName = TableName, TimeProvider = Clock };

    /// <summary>A DynamoDB log store, as a separate writer process would have it.</summary>
    public DynamoDbLogStore DynamoStore(IObjectStore? store = null, ICommitEntryTable? entries = null) =>
        new DynamoDbLogStoreFactory(entries ?? Entries, Options).Create(store ?? ObjectStore, TableRoot);

    public PutIfAbsentLogStore ConditionalStore(IObjectStore? store = null) => new(store ?? ObjectStore, TableRoot);

    public FaultyObjectStore FaultyStore() => new(ObjectStore);

    public FaultyCommitEntryTable FaultyEntries() => new(Entries);

    public string TablePath => $"s3a://{Bucket}/warehouse/{TableRoot}";

    public void Dispose()
    {
        S3.Dispose();
        Dynamo.Dispose();
    }
}
